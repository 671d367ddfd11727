namespace DecisionAid.Rendering.Text;

/// <summary>The words of the waiting-room tablet a patient sees, per language (the staff's unlock page is in English, as clinic pages are).</summary>
public sealed record TabletText
{
    public required string BarLabel { get; init; }
    public required string Finished { get; init; }
    public required string Staff { get; init; }
    public required string Welcome { get; init; }
    public required string WelcomeText { get; init; }
    public required string NoSigningHere { get; init; }

    public static TabletText For(string language) => language == "es" ? Spanish : English;

    public static TabletText English { get; } = new()
    {
        BarLabel = "Clinic tablet",
        Finished = "I'm finished",
        Staff = "Staff",
        Welcome = "Welcome",
        WelcomeText = "Please give this tablet to the staff at the desk. They will set it up for you.",
        NoSigningHere = "You do not sign on this tablet. The clinic will go over the consent form with you.",
    };

    public static TabletText Spanish { get; } = new()
    {
        BarLabel = "Tableta de la clínica",
        Finished = "Ya terminé",
        Staff = "Personal",
        Welcome = "Bienvenido",
        WelcomeText = "Entregue esta tableta al personal de la recepción. Ellos la prepararán para usted.",
        NoSigningHere = "No se firma en esta tableta. La clínica repasará con usted el formulario de consentimiento.",
    };
}
