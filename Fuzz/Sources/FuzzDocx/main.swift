// fuzz-docx: libFuzzer target. The entry: hands the input function to libFuzzer.
import FuzzSupport

runFuzzer(fuzzDocx)
