/// Normalizes the date parts that PubMed and JATS give to `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
enum PublicationDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The month number (1–12) of `text`: a number or an English month name or abbreviation.
    static func month(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        if let number = Int(trimmed) { return (1...12).contains(number) ? number : nil }
        let lowered = trimmed.lowercased()
        guard lowered.count >= 3 else { return nil }
        return months.firstIndex { lowered.hasPrefix($0) }.map { $0 + 1 }
    }

    /// Joins the parts that are valid; a day without a month is dropped.
    static func normalize(year: String?, month: String?, day: String?) -> String? {
        guard let year = year?.trimmingSpaces, year.count == 4, year.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        guard let monthNumber = month.flatMap(Self.month) else { return year }
        let monthPart = monthNumber < 10 ? "0\(monthNumber)" : "\(monthNumber)"
        guard let dayText = day?.trimmingSpaces, let dayNumber = Int(dayText), (1...31).contains(dayNumber) else {
            return "\(year)-\(monthPart)"
        }
        return "\(year)-\(monthPart)-\(dayNumber < 10 ? "0\(dayNumber)" : "\(dayNumber)")"
    }

    /// A PubMed `MedlineDate` such as `1998 Dec-1999 Jan` or `2000 Spring`: the first year, and the month that follows it.
    static func normalize(medlineDate: String) -> String? {
        let words = medlineDate.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        guard let yearIndex = words.firstIndex(where: { $0.count == 4 && $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        let month = yearIndex + 1 < words.count ? words[yearIndex + 1] : nil
        let day = yearIndex + 2 < words.count ? words[yearIndex + 2] : nil
        // A second year right after the first ("1998-1999") is not a month.
        if let month, Self.month(month) == nil { return words[yearIndex] }
        return normalize(year: words[yearIndex], month: month, day: day)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    /// Without leading and trailing ASCII whitespace.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !XMLPullParser.isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !XMLPullParser.isSpace($0) })!
        return String(self[first...last])
    }
}
