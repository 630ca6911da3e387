// fuzz-decode: libFuzzer target. The entry: hands the input function to libFuzzer.
import FuzzSupport

runFuzzer(fuzzDecode)
