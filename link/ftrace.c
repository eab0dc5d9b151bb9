// Function-level execution trace for link/make-order.py (a measurement tool; never linked into Quire).
//
// Loaded with LD_PRELOAD into a `quire` process: before main, every function start listed in
// $FTRACE_LIST (hex link-time addresses, ascending) gets a one-shot int3. The first call of a function
// traps; the handler records it, puts the original byte back and resumes at the same address, so each
// function costs one trap and the program otherwise runs unchanged. At exit the functions are written
// in first-call order to $FTRACE_OUT.<pid>. Only the executable named by $FTRACE_EXE is traced, so
// child processes (the kernel) are left alone.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static unsigned long *starts;
static unsigned char *original;
static long count, *calls;
static volatile long ncalls;
static unsigned long base;

static long lookup(unsigned long address) {
    long lo = 0, hi = count - 1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        if (starts[mid] == address) return mid;
        if (starts[mid] < address) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

static void on_trap(int sig, siginfo_t *info, void *context) {
    (void)sig; (void)info;
    ucontext_t *uc = context;
    unsigned long pc = uc->uc_mcontext.gregs[REG_RIP] - 1;
    long i = lookup(pc - base);
    if (i < 0) { signal(SIGTRAP, SIG_DFL); return; }  // not ours: let it trap for real
    // Several threads may hit the same breakpoint; only the one that restores the byte records it.
    if (__atomic_exchange_n((unsigned char *)pc, original[i], __ATOMIC_SEQ_CST) == 0xCC)
        calls[__atomic_fetch_add(&ncalls, 1, __ATOMIC_SEQ_CST)] = i;
    uc->uc_mcontext.gregs[REG_RIP] = pc;
}

static void write_trace(void) {
    char path[4096];
    snprintf(path, sizeof path, "%s.%d", getenv("FTRACE_OUT"), getpid());
    FILE *out = fopen(path, "w");
    if (!out) return;
    for (long i = 0; i < ncalls; i++) fprintf(out, "%lx\n", starts[calls[i]]);
    fclose(out);
}

__attribute__((constructor(101))) static void install(void) {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0) return;
    exe[n] = 0;
    const char *want = getenv("FTRACE_EXE"), *list = getenv("FTRACE_LIST");
    if (!want || !list || !getenv("FTRACE_OUT") || strcmp(exe, want) != 0) return;
    FILE *f = fopen(list, "r");
    if (!f) return;
    long cap = 1 << 16;
    starts = malloc(cap * sizeof *starts);
    unsigned long a;
    while (fscanf(f, "%lx", &a) == 1) {
        if (count == cap) starts = realloc(starts, (cap *= 2) * sizeof *starts);
        starts[count++] = a;
    }
    fclose(f);
    original = malloc(count);
    calls = malloc(count * sizeof *calls);
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[8192];
    unsigned long text_lo = 0, text_hi = 0;
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi, off;
        char perms[8], name[4096] = "";
        if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %4095[^\n]", &lo, &hi, perms, &off, name) < 4 || strcmp(name, exe)) continue;
        if (!base && off == 0) base = lo;
        if (perms[2] == 'x') { text_lo = lo; text_hi = hi; }
    }
    fclose(maps);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_trap;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGTRAP, &sa, 0);
    mprotect((void *)text_lo, text_hi - text_lo, PROT_READ | PROT_WRITE | PROT_EXEC);
    for (long i = 0; i < count; i++) {
        unsigned char *p = (unsigned char *)(base + starts[i]);
        if ((unsigned long)p < text_lo || (unsigned long)p >= text_hi) { original[i] = 0xCC; continue; }
        original[i] = *p;
        *p = 0xCC;
    }
    atexit(write_trace);
}
