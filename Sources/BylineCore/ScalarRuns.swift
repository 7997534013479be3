extension String {
    /// The text of `scalars` with each run of scalars of one class written once, as that
    /// class's scalar: `classOf` gives a scalar's class, or nil for a scalar kept as it is.
    ///
    ///     String(collapsingRuns: "a \t\n b".unicodeScalars) { $0.properties.isWhitespace ? " " : nil }  // "a b"
    public init(collapsingRuns scalars: some Sequence<Unicode.Scalar>, classOf: (Unicode.Scalar) -> Unicode.Scalar?) {
        var out = String.UnicodeScalarView()
        var lastClass: Unicode.Scalar?
        for scalar in scalars {
            let scalarClass = classOf(scalar)
            if let scalarClass {
                if scalarClass != lastClass { out.append(scalarClass) }
            } else {
                out.append(scalar)
            }
            lastClass = scalarClass
        }
        self = String(out)
    }
}
