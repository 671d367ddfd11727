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
    [Placeholders("procedure")]
    public required string IWantProcedure { get; init; }
    [Placeholders("nerve")]
    public required string NerveIs { get; init; }
    [Placeholders("method")]
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
    [Placeholders("when")]
    public required string YouSigned { get; init; }
    public required string WaitingForClinician { get; init; }
    [Placeholders("when")]
    public required string YouChoseTalkFirst { get; init; }
    [Placeholders("when")]
    public required string YouDeclined { get; init; }
    [Placeholders("when")]
    public required string YouWithdrewBefore { get; init; }
    public required string ChangeYourMind { get; init; }
    public required string Complete { get; init; }
    public required string DownloadCopy { get; init; }
    public required string WithdrawButton { get; init; }
    public required string WithdrawConfirm { get; init; }
    [Placeholders("when")]
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

    public static ConsentText For(string language) => SiteTexts.For(language).Consent;

    /// <summary>The clinic's pages speak English.</summary>
    public static ConsentText English => For("en");
}
