// libFuzzer driver for one HTTP request (built by Fuzz/run-libfuzzer.sh).
import SKMFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.httpRequest(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
