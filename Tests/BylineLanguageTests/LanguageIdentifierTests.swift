import BylineLanguage
import Testing

@Test(arguments: [
    ("The minister said that the talks would continue in the spring, and that both sides were ready.", "en"),
    ("Die Regierung hat am Montag mitgeteilt, dass die Gespräche mit den Nachbarn fortgesetzt werden.", "de"),
    ("Le gouvernement a annoncé que les discussions avec les pays voisins se poursuivront dans la semaine.", "fr"),
    ("El gobierno dijo que las conversaciones con los países vecinos se reanudarán la próxima semana.", "es"),
    ("외교부는 10일 양국 관계가 새로운 단계에 들어섰다고 밝혔다.", "ko"),
    ("政府は10日、両国の関係が新しい段階に入ったと発表した。", "ja"),
    ("政府十日表示，两国关系进入了新阶段。", "zh"),
    ("Правительство заявило, что переговоры с соседями будут продолжены на этой неделе.", "ru"),
])
func languageIsIdentified(text: String, code: String) {
    #expect(LanguageIdentifier.shared.identify(text) == code)
}

@Test func languageIsUnknownWithoutWords() {
    #expect(LanguageIdentifier.shared.identify("12345 — 678") == nil)
    #expect(LanguageIdentifier.shared.identify("Xyzzy Plugh") == nil)
}

@Test func dominantScriptIsCounted() {
    #expect(LanguageIdentifier.shared.dominantScript("Seoul 서울") == "Latin")
    #expect(LanguageIdentifier.shared.dominantScript("서울특별시청 앞 Seoul") == "Hangul")
}
