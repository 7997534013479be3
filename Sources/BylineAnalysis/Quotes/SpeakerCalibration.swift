import BylineCore

/// How often each speaker rule names the right speaker, read from `speaker-calibration.tsv`
/// (measured on PolNeAR train by `Scripts/calibrate_speakers.py`): a quote's confidence.
struct SpeakerCalibration: Sendable {
    static let shared = SpeakerCalibration(DataFile(PackageResources.speaker_calibration_tsv))

    private let precision: [String: Double]

    /// The confidence of a rule seen too rarely to be measured on its own, nor its sieve.
    static let unmeasured = 0.5

    init(_ file: DataFile) {
        var precision: [String: Double] = [:]
        for row in file.rows where row.count >= 2 {
            if let value = Double(row[1]) { precision[row[0]] = value }
        }
        self.precision = precision
    }

    /// The confidence of a speaker decided by `rule`: its own measured precision, or else that
    /// of all its sieve's rules together (the line `SIEVE/*`).
    func confidence(of rule: SpeakerRule) -> Double {
        precision[rule.rawValue] ?? precision[rule.sieve.rawValue + "/*"] ?? Self.unmeasured
    }
}
