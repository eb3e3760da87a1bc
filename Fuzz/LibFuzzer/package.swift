// libFuzzer driver for one aggregate package (built by Fuzz/run-libfuzzer.sh).
import SKMFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.package(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
