// fuzz-sentences: libFuzzer target. The entry: hands the input function to libFuzzer.
import FuzzSupport

runFuzzer(fuzzSentences)
