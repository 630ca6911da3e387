// CFuzzDriver: libFuzzer's entry. Calls LLVMFuzzerRunDriver, which Swift cannot declare without a header.
#include "CFuzzDriver.h"

// In libclang_rt.fuzzer (linked by -sanitize=fuzzer): parses libFuzzer's flags and runs the fuzzing loop.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

int soatxet_fuzz_main(int argc, char **argv, soatxet_fuzz_input_function function) {
    return LLVMFuzzerRunDriver(&argc, &argv, function);
}
