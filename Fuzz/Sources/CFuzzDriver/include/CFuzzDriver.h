// CFuzzDriver: libFuzzer's entry. Declares the driver call the fuzz targets' main.swift hands their input function to.
#ifndef SOATXET_CFUZZDRIVER_H
#define SOATXET_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// The function libFuzzer calls with each input; returns 0 (or -1 to keep the input out of the corpus).
typedef int (*soatxet_fuzz_input_function)(const uint8_t *data, size_t size);

/// Runs libFuzzer with the command line `argc`/`argv` over `function`; returns libFuzzer's exit status.
int soatxet_fuzz_main(int argc, char **argv, soatxet_fuzz_input_function function);

#endif
