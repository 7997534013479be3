import CLibXML2

/// Character references left in text that was escaped twice (`&amp;mdash;` in a meta tag
/// becomes `&mdash;` after parsing): decoded with libxml2's table of HTML entities.
public enum HTMLEntities {
    /// `text` with every `&name;`, `&#NNN;` and `&#xHH;` reference it holds replaced.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let semicolon = scalars[(i + 1)..<min(scalars.count, i + 12)].firstIndex(of: ";"),
                let scalar = reference(String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon])))
            else {
                out.append(scalars[i])
                i += 1
                continue
            }
            out.append(scalar)
            i = semicolon + 1
        }
        return String(out)
    }

    private static func reference(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        guard let entity = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}
