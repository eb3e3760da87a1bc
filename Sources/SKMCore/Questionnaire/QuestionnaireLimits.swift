/// The largest questionnaire skm accepts, checked by `skm questionnaire check` and every load of
/// a definition. PermenPANRB 14/2017 asks 9 unsur; the limits leave room for any local form while
/// keeping every IKM computation, stored answer and report table of a sane size.
public enum QuestionnaireLimits {
    /// Unsur (and so questions, one per unsur).
    public static let unsur = 100
    /// Choices of one profile field (education, occupation…).
    public static let profileChoices = 50
    /// Other spellings accepted for one profile choice.
    public static let aliases = 20
    /// Time slots of the service day.
    public static let timeSlots = 48
    /// Characters of any one text (title, note, question, label, name).
    public static let textCharacters = 2000
}
