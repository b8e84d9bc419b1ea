# dna_add_qtest(NAME tst_foo SOURCES tst_foo.cpp LIBS dna_core LABEL core|gui)
# Builds one Qt Test executable and registers it with ctest under the given label. Tests labelled `gui`
# run on the offscreen platform plugin so they need no display.
function(dna_add_qtest)
    cmake_parse_arguments(ARG "" "NAME;LABEL" "SOURCES;LIBS" ${ARGN})
    if(NOT ARG_LABEL MATCHES "^(core|gui|cli)$")
        message(FATAL_ERROR "dna_add_qtest(${ARG_NAME}): LABEL must be core, gui or cli, not '${ARG_LABEL}'")
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBS} dna_warnings)
    target_compile_definitions(${ARG_NAME} PRIVATE DNA_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    set_target_properties(${ARG_NAME} PROPERTIES AUTOMOC ON)
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set(env "QT_QPA_PLATFORM=offscreen" "DNA_BIN_DIR=${CMAKE_RUNTIME_OUTPUT_DIRECTORY}")
    set_tests_properties(${ARG_NAME} PROPERTIES LABELS ${ARG_LABEL} ENVIRONMENT "${env}" TIMEOUT 600)
endfunction()

# dna_add_benchmark(NAME bench_foo SOURCES bench_foo.cpp LIBS dna_core)
# Benchmarks are built with the project but never registered with ctest: they print `name: value` lines.
function(dna_add_benchmark)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBS} dna_warnings)
endfunction()
