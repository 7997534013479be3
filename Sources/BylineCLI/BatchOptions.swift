import ArgumentParser
import Foundation

/// The options of the commands that analyse articles into the store in batches (`ingest`,
/// `reindex`): how many articles each transaction holds and how many are analysed at once.
struct BatchOptions: ParsableArguments {
    @Option(help: "The most articles one transaction holds.")
    var batch = 256

    @Option(help: ArgumentHelp("How many articles are read and analysed at once. The default is the number of cores.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs: '\(jobs)' is not a number of jobs (1 or more)")
        }
    }

    /// How many threads analyse: `--jobs`, or one per core.
    var threads: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
