namespace DecisionAid.Rendering.Text;

/// <summary>The words of the consent step, the countersignature and the consent PDF, per language.</summary>
public sealed record ConsentText
{
    public required string Title { get; init; }
    public required string NotYet { get; init; }
    public required string GoToCheck { get; init; }
    public required string BeforeYouSign { get; init; }
    /// <summary>Signing electronically: that it counts, the right to paper, how to get a copy, how to withdraw.</summary>
    public required IReadOnlyList<string> Disclosure { get; init; }
    public required string WhatYouAgreeTo { get; init; }
    public required string IWantProcedure { get; init; }
    public required string NerveIs { get; init; }
    public required string MethodIs { get; init; }
    public required string IReadIt { get; init; }
    public required string RisksIWasShown { get; init; }
    public required string HigherForMe { get; init; }
    public required string NoNumber { get; init; }
    public required string OtherChoicesIWasShown { get; init; }
    public required string ICanAsk { get; init; }
    public required string PatientMeaning { get; init; }
    public required string FullNameLabel { get; init; }
    public required string DrawLabel { get; init; }
    public required string DrawHelp { get; init; }
    public required string ClearDrawing { get; init; }
    public required string NeedsScript { get; init; }
    public required string SignButton { get; init; }
    public required string OrInstead { get; init; }
    public required string TalkFirstButton { get; init; }
    public required string DeclineButton { get; init; }
    public required string NameMissing { get; init; }
    /// <summary>The typed name has characters the record cannot print (emoji).</summary>
    public required string NameUnprintable { get; init; }
    public required string DrawingMissing { get; init; }
    public required string YouSigned { get; init; }
    public required string WaitingForClinician { get; init; }
    public required string YouChoseTalkFirst { get; init; }
    public required string YouDeclined { get; init; }
    public required string YouWithdrewBefore { get; init; }
    public required string ChangeYourMind { get; init; }
    public required string Complete { get; init; }
    public required string DownloadCopy { get; init; }
    public required string WithdrawButton { get; init; }
    public required string WithdrawConfirm { get; init; }
    public required string Withdrawn { get; init; }
    public required string AnswersLocked { get; init; }
    public required string ReadyToDecide { get; init; }
    public required string GoToConsent { get; init; }

    // The consent PDF (shared by patient and clinic copies).
    public required string PdfTitle { get; init; }
    public required string PdfWithdrawalTitle { get; init; }
    public required string Patient { get; init; }
    public required string BirthDate { get; init; }
    public required string RecordNumber { get; init; }
    public required string Practice { get; init; }
    public required string Aid { get; init; }
    public required string PatientSignature { get; init; }
    public required string ClinicianSignature { get; init; }
    public required string SignedAt { get; init; }
    public required string TypedName { get; init; }
    public required string ClinicianMeaning { get; init; }
    public required string Interpreter { get; init; }
    public required string Witness { get; init; }
    public required string WithdrawalMeaning { get; init; }
    public required string WithdrawnBy { get; init; }
    public required string Supersedes { get; init; }
    public required string RecordHash { get; init; }
    public required string ContentVersion { get; init; }
    public required string Page { get; init; }

    public static ConsentText For(string language) => language == "es" ? Spanish : English;

    public static ConsentText English { get; } = new()
    {
        Title = "Your decision",
        NotYet = "Please answer the questions in \"Check what you know\" first. Then you can decide here.",
        GoToCheck = "Go to the questions",
        BeforeYouSign = "Before you sign",
        Disclosure =
        [
            "You can sign on this screen. It counts the same as signing a paper form.",
            "If you would rather sign on paper, tell the clinic. You have the right to do that.",
            "When you and your clinician have both signed, you can download a copy on this page. The clinic can also give you a copy.",
            "You can change your mind at any time before the procedure. Use the button on this page, or tell the clinic.",
        ],
        WhatYouAgreeTo = "What you agree to",
        IWantProcedure = "I agree to have this procedure: {0}.",
        NerveIs = "The nerve to treat: {0}.",
        MethodIs = "The way to treat it: {0}.",
        IReadIt = "I read how it is done, how it may help, and what can go wrong.",
        RisksIWasShown = "The risks I was shown:",
        HigherForMe = "may be higher for me",
        NoNumber = "no good number is known",
        OtherChoicesIWasShown = "The other choices I was shown:",
        ICanAsk = "I can ask questions before the procedure. I can change my mind at any time before it.",
        PatientMeaning = "When you sign, you say that you read this page and that you agree to have the procedure. Your clinician will talk with you and sign too.",
        FullNameLabel = "Your full name",
        DrawLabel = "Your signature",
        DrawHelp = "Draw your signature in the box with your finger or a mouse.",
        ClearDrawing = "Clear",
        NeedsScript = "Drawing a signature needs JavaScript. If you cannot turn it on, ask the clinic for a paper form.",
        SignButton = "I agree and sign",
        OrInstead = "Not ready to sign?",
        TalkFirstButton = "I want to talk with my clinician first",
        DeclineButton = "I do not want this procedure",
        NameMissing = "Please type your full name.",
        NameUnprintable = "Please type your name with letters only. Pictures such as emoji cannot be printed on your form.",
        DrawingMissing = "Please draw your signature in the box.",
        YouSigned = "You signed on {0}.",
        WaitingForClinician = "Your clinician will talk with you and sign too. Then you can download a copy here.",
        YouChoseTalkFirst = "You said you want to talk with your clinician first ({0}). The clinic can see this.",
        YouDeclined = "You said you do not want this procedure ({0}). The clinic can see this.",
        YouWithdrewBefore = "You took back your signature ({0}).",
        ChangeYourMind = "You can still decide below.",
        Complete = "You and your clinician have both signed. Your consent is complete.",
        DownloadCopy = "Download your signed copy (PDF)",
        WithdrawButton = "I changed my mind: withdraw my consent",
        WithdrawConfirm = "I understand that I am taking back my consent.",
        Withdrawn = "You withdrew your consent on {0}. The clinic can see this. To decide again, ask the clinic for a new packet.",
        AnswersLocked = "You have signed, so your answers are now part of your consent and cannot be changed.",
        ReadyToDecide = "When you are ready, you can decide about the procedure.",
        GoToConsent = "Go to your decision",
        PdfTitle = "Consent to a procedure",
        PdfWithdrawalTitle = "Withdrawal of consent",
        Patient = "Patient",
        BirthDate = "Date of birth",
        RecordNumber = "Record number",
        Practice = "Practice",
        Aid = "Decision aid",
        PatientSignature = "Patient's signature",
        ClinicianSignature = "Clinician's signature",
        SignedAt = "Signed",
        TypedName = "Typed name",
        ClinicianMeaning = "By signing, I confirm that I talked with the patient about this procedure, how it may help, what can go wrong and the other choices, and that I answered their questions.",
        Interpreter = "Interpreter",
        Witness = "Witness",
        WithdrawalMeaning = "The patient took back the consent named below. It no longer allows the procedure.",
        WithdrawnBy = "Recorded by",
        Supersedes = "Replaces record",
        RecordHash = "Record SHA-256",
        ContentVersion = "Content version",
        Page = "page",
    };

    public static ConsentText Spanish { get; } = new()
    {
        Title = "Su decisión",
        NotYet = "Primero conteste las preguntas de \"Compruebe lo que sabe\". Después puede decidir aquí.",
        GoToCheck = "Ir a las preguntas",
        BeforeYouSign = "Antes de firmar",
        Disclosure =
        [
            "Puede firmar en esta pantalla. Vale lo mismo que firmar un papel.",
            "Si prefiere firmar en papel, dígalo en la clínica. Tiene derecho a hacerlo.",
            "Cuando usted y su médico hayan firmado, puede bajar una copia en esta página. La clínica también le puede dar una copia.",
            "Puede cambiar de idea en cualquier momento antes del procedimiento. Use el botón de esta página o dígalo en la clínica.",
        ],
        WhatYouAgreeTo = "Lo que usted acepta",
        IWantProcedure = "Acepto que me hagan este procedimiento: {0}.",
        NerveIs = "El nervio que se va a tratar: {0}.",
        MethodIs = "La forma de tratarlo: {0}.",
        IReadIt = "Leí cómo se hace, cómo puede ayudar y qué puede salir mal.",
        RisksIWasShown = "Los riesgos que me mostraron:",
        HigherForMe = "puede ser mayor en mi caso",
        NoNumber = "no se conoce una cifra fiable",
        OtherChoicesIWasShown = "Las otras opciones que me mostraron:",
        ICanAsk = "Puedo hacer preguntas antes del procedimiento. Puedo cambiar de idea en cualquier momento antes.",
        PatientMeaning = "Al firmar, usted dice que leyó esta página y que acepta el procedimiento. Su médico hablará con usted y también firmará.",
        FullNameLabel = "Su nombre completo",
        DrawLabel = "Su firma",
        DrawHelp = "Dibuje su firma en el recuadro con el dedo o con el ratón.",
        ClearDrawing = "Borrar",
        NeedsScript = "Para dibujar la firma hace falta JavaScript. Si no lo puede activar, pida un formulario en papel en la clínica.",
        SignButton = "Acepto y firmo",
        OrInstead = "¿Todavía no quiere firmar?",
        TalkFirstButton = "Quiero hablar primero con mi médico",
        DeclineButton = "No quiero este procedimiento",
        NameMissing = "Escriba su nombre completo.",
        NameUnprintable = "Escriba su nombre solo con letras. Los dibujos como los emoji no se pueden imprimir en su formulario.",
        DrawingMissing = "Dibuje su firma en el recuadro.",
        YouSigned = "Usted firmó el {0}.",
        WaitingForClinician = "Su médico hablará con usted y también firmará. Después puede bajar una copia aquí.",
        YouChoseTalkFirst = "Usted dijo que quiere hablar primero con su médico ({0}). La clínica lo puede ver.",
        YouDeclined = "Usted dijo que no quiere este procedimiento ({0}). La clínica lo puede ver.",
        YouWithdrewBefore = "Usted retiró su firma ({0}).",
        ChangeYourMind = "Todavía puede decidir aquí abajo.",
        Complete = "Usted y su médico han firmado. Su consentimiento está completo.",
        DownloadCopy = "Bajar su copia firmada (PDF)",
        WithdrawButton = "Cambié de idea: retiro mi consentimiento",
        WithdrawConfirm = "Entiendo que retiro mi consentimiento.",
        Withdrawn = "Usted retiró su consentimiento el {0}. La clínica lo puede ver. Para decidir de nuevo, pida un paquete nuevo en la clínica.",
        AnswersLocked = "Usted ya firmó, así que sus respuestas son parte de su consentimiento y no se pueden cambiar.",
        ReadyToDecide = "Cuando esté listo, puede decidir sobre el procedimiento.",
        GoToConsent = "Ir a su decisión",
        PdfTitle = "Consentimiento para un procedimiento",
        PdfWithdrawalTitle = "Retiro del consentimiento",
        Patient = "Paciente",
        BirthDate = "Fecha de nacimiento",
        RecordNumber = "Número de historia",
        Practice = "Clínica",
        Aid = "Ayuda para decidir",
        PatientSignature = "Firma del paciente",
        ClinicianSignature = "Firma del médico",
        SignedAt = "Firmado",
        TypedName = "Nombre escrito",
        ClinicianMeaning = "Al firmar, confirmo que hablé con el paciente sobre este procedimiento, cómo puede ayudar, qué puede salir mal y las otras opciones, y que contesté sus preguntas.",
        Interpreter = "Intérprete",
        Witness = "Testigo",
        WithdrawalMeaning = "El paciente retiró el consentimiento que se indica abajo. Ya no autoriza el procedimiento.",
        WithdrawnBy = "Registrado por",
        Supersedes = "Reemplaza el registro",
        RecordHash = "SHA-256 del registro",
        ContentVersion = "Versión del contenido",
        Page = "página",
    };
}
