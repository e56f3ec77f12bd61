#!/usr/bin/env bash
# Runs kgraph's tests under the sanitizers.
#
#   Scripts/sanitize.sh            # both
#   Scripts/sanitize.sh address    # the whole suite under AddressSanitizer (.build-asan)
#   Scripts/sanitize.sh thread     # the parallel build tests under ThreadSanitizer (.build-tsan)
#
# Extra arguments go to `swift test` (e.g. --filter). The thread run covers
# the tests that build graphs on several threads; set TSAN_FILTER to widen it.
# Each sanitizer has its own scratch folder, so neither rebuilds the other.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}; [ $# -gt 0 ] && shift

# Swift's crash backtracer reads memory the sanitizers guard; let them report instead.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
# Leaks: Swift's runtime keeps metadata caches and Foundation singletons for the
# whole process, which LeakSanitizer reports; kgraph frees what it owns (deinit).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
tsan_filter=${TSAN_FILTER:-BuildAndMerge|GraphBuilder|Parallel|[Tt]hread}

case $which in
  address|all)
    echo "sanitize: the whole test suite under the address sanitizer" >&2
    swift test --sanitize=address --scratch-path .build-asan "$@" ;;
esac
case $which in
  thread|all)
    echo "sanitize: the parallel build tests under the thread sanitizer (--filter '$tsan_filter')" >&2
    swift test --sanitize=thread --scratch-path .build-tsan --filter "$tsan_filter" "$@" ;;
esac
case $which in address|thread|all) ;; *) echo "usage: $0 [address|thread|all] [swift test arguments]" >&2; exit 2 ;; esac
