import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A closed pipe (`skm export | head`) must end the program quietly, not kill it with SIGPIPE.
signal(SIGPIPE, SIG_IGN)

var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let eq = text.firstIndex(of: "=") {
        environment[String(text[..<eq])] = String(text[text.index(after: eq)...])
    }
    pointer += 1
}

let runner = Runner(commands: Commands.all, console: Console(), environment: environment)
exit(runner.run(CommandLine.arguments))
