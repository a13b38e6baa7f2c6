/*
** golden.c - the golden-file test runner.
**
**   golden [-v] [-k ID-SUBSTRING] [-t SECONDS] DYAD_BINARY FILE.test...
**
** Reads every FILE.test (format: tests/golden/README.md), then runs each
** case: the input is written to case.EXT in a fresh temporary directory, the
** binary is run there (working directory = that directory) with the case's
** %%ARGS split on whitespace plus the input's path ("case.EXT", or the
** %%NOFILE path), and its standard output, standard error and exit status
** are checked.  A failure names the case, its file:line and the first
** difference; -v also prints all of the output of a failing case and "ok ID"
** for each passing one.  -k runs only the cases whose ID contains the
** substring; -t sets the per-case timeout (default 20 s).
**
** The last line printed (on stdout, like everything else) is exactly
** "N passed, N failed"; the exit status is 1 when something failed, 2 for
** bad usage, else 0.  Runner errors (a malformed test file, an unreadable
** file, a duplicate case ID) each count as one failure.
**
** Reading of the format, where the README leaves room:
**   - Any line starting with "%%" ends the block before it.  Inside INPUT,
**     EXPECT and FAIL blocks every line is content, "#" lines included.
**   - A case runs from %%CASE to the next %%CASE or the end of the file.  A
**     %%ARGS between %%CASE and the case's input (%%INPUT, %%INPUT-ESCAPED,
**     %%NOFILE) applies to that case only; a %%ARGS after the input ends the
**     case and sets the default for the rest of the file, so a later
**     %%EXPECT of that case is reported as being outside a case rather than
**     silently using the wrong arguments.
**   - Without %%FAIL or %%STATUS, exit status 0 is expected.  A case must
**     have an input; %%EXPECT, %%FAIL and %%STATUS are each optional.
**
** Standalone: POSIX only, no project headers.
*/
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GOLDEN_MAX_CAPTURE ((size_t)64 << 20) /* bytes kept per stream */
#define GOLDEN_STDERR_HEAD 12                 /* stderr lines shown on failure */

/* ------------------------------------------------------------------ */
/* Small utilities                                                     */
/* ------------------------------------------------------------------ */

/* A growable byte buffer; p is NUL-terminated when n > 0. */
typedef struct {
    char *p;
    size_t n, cap;
    int truncated; /* capture stopped at GOLDEN_MAX_CAPTURE */
} Buf;

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "golden: out of memory\n");
        exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "golden: out of memory\n");
        exit(2);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n) {
    char *r = xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

/* Returns the malloc'ed concatenation a b c. */
static char *xjoin(const char *a, const char *b, const char *c) {
    size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
    char *r = xmalloc(na + nb + nc + 1);
    memcpy(r, a, na);
    memcpy(r + na, b, nb);
    memcpy(r + na + nb, c, nc + 1);
    return r;
}

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_free(Buf *b) {
    free(b->p);
    memset(b, 0, sizeof *b);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Prints n bytes of s with control bytes made visible (\t, \xHH); UTF-8
** and everything else as is. */
static void print_visible(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
}

/* Prints s[0..n) indented, one output line per line of s. */
static void print_block(const char *label, const char *s, size_t n) {
    printf("  --- %s (%zu bytes) ---\n", label, n);
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        printf("  | %.*s\n", (int)(e - i), s + i);
        i = e + 1;
    }
    printf("  ---\n");
}

/* Removes path and, if it is a directory, everything below it. */
static void remove_tree(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
                size_t n = strlen(path) + strlen(e->d_name) + 2;
                char *sub = xmalloc(n);
                snprintf(sub, n, "%s/%s", path, e->d_name);
                remove_tree(sub);
                free(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Splits s on spaces and tabs into a NULL-terminated vector of copies,
** with room for extra more entries; *count gets the number of words. */
static char **split_words(const char *s, int extra, int *count) {
    int n = 0, cap = 8 + extra;
    char **v = xmalloc((size_t)cap * sizeof *v);
    while (s && *s) {
        while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
        if (!*s) break;
        const char *w = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') s++;
        if (n + extra + 1 >= cap) {
            cap *= 2;
            v = xrealloc(v, (size_t)cap * sizeof *v);
        }
        v[n++] = xstrndup(w, (size_t)(s - w));
    }
    v[n] = NULL;
    *count = n;
    return v;
}

/* ------------------------------------------------------------------ */
/* Test files                                                          */
/* ------------------------------------------------------------------ */

enum { IN_NONE, IN_FILE, IN_NOFILE };
enum { ST_DEFAULT, ST_FAIL, ST_STATUS };

typedef struct {
    const char *file;  /* test file, as named on the command line */
    int line;          /* line of the %%CASE */
    char *id;          /* case ID (never NULL) */
    char *desc;        /* description, possibly "" */
    char *args;        /* raw %%ARGS text in force for this case */
    int own_args;      /* the case had its own %%ARGS */
    int input_kind;    /* IN_NONE, IN_FILE or IN_NOFILE */
    char *ext;         /* IN_FILE: extension of case.EXT */
    char *input;       /* IN_FILE: input bytes (owned) */
    size_t ninput;     /* IN_FILE: their count */
    char *nofile;      /* IN_NOFILE: the path passed */
    int has_expect;    /* %%EXPECT seen */
    char *expect;      /* expected stdout (owned) */
    size_t nexpect;    /* its length */
    int status_kind;   /* ST_DEFAULT, ST_FAIL or ST_STATUS */
    int status;        /* expected exit status */
    char **fails;      /* %%FAIL substrings of stderr */
    int nfails;        /* their count */
    int broken;        /* malformed; already reported and counted */
} Case;

static Case *g_cases;
static int g_ncases, g_capcases;
static int g_failed, g_passed;
static int g_verbose;
static char g_root[PATH_MAX];  /* directory the runner started in */
static double g_timeout = 20.0;

/* Parser state for one file. */
enum { B_NONE, B_INPUT, B_ESCAPED, B_EXPECT, B_FAIL };
typedef struct {
    const char *file;
    Case *cur;         /* case being read, or NULL between cases */
    char *dflt_args;   /* file default %%ARGS (owned) */
    int block;         /* B_* */
    size_t block_off;  /* offset of the block's first content byte */
    int block_line;    /* line of the block's directive */
    const char *text;  /* whole file */
} Parser;

/* Reports a malformed test file.  Counts one failure, but only one per
** case: a broken case is not run. */
static void parse_error(Parser *ps, int line, const char *fmt, ...) {
    va_list ap;
    printf("%s:%d: error: ", ps->file, line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (ps->cur) printf(" (in case %s)", ps->cur->id);
    putchar('\n');
    if (ps->cur && ps->cur->broken) return; /* the case counts once */
    g_failed++;
    if (ps->cur) ps->cur->broken = 1;
}

/* Decodes an %%INPUT-ESCAPED block: \xHH \n \t \0 \\; real newlines (and a
** CR before them) are dropped.  Returns 0, or -1 after reporting. */
static int decode_escaped(Parser *ps, const char *s, size_t n, int line, Buf *out) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n') { line++; continue; }
        if (c == '\r' && i + 1 < n && s[i + 1] == '\n') continue;
        if (c != '\\') { buf_add(out, &c, 1); continue; }
        if (i + 1 >= n) {
            parse_error(ps, line, "%%%%INPUT-ESCAPED: backslash at end of block");
            return -1;
        }
        char e = s[++i], d;
        switch (e) {
        case 'n': d = '\n'; break;
        case 't': d = '\t'; break;
        case '0': d = '\0'; break;
        case '\\': d = '\\'; break;
        case 'x': {
            if (i + 2 >= n || !isxdigit((unsigned char)s[i + 1])
                || !isxdigit((unsigned char)s[i + 2])) {
                parse_error(ps, line, "%%%%INPUT-ESCAPED: \\x needs two hex digits");
                return -1;
            }
            char hex[3] = {s[i + 1], s[i + 2], 0};
            d = (char)(unsigned char)strtoul(hex, NULL, 16);
            i += 2;
            break;
        }
        default:
            parse_error(ps, line, "%%%%INPUT-ESCAPED: unknown escape \\%c", e);
            return -1;
        }
        buf_add(out, &d, 1);
    }
    return 0;
}

/* Ends the open block at offset end (the start of the line that ends it). */
static void close_block(Parser *ps, size_t end) {
    Case *c = ps->cur;
    const char *s = ps->text + ps->block_off;
    size_t n = end - ps->block_off;
    int blk = ps->block;
    ps->block = B_NONE;
    if (!c || blk == B_NONE) return;
    if (blk == B_INPUT) {
        c->input = xstrndup(s, n);
        c->ninput = n;
    } else if (blk == B_ESCAPED) {
        Buf b = {0};
        if (decode_escaped(ps, s, n, ps->block_line + 1, &b) == 0) {
            c->input = b.p ? b.p : xstrndup("", 0);
            c->ninput = b.n;
        } else {
            buf_free(&b);
        }
    } else if (blk == B_EXPECT) {
        c->expect = xstrndup(s, n);
        c->nexpect = n;
    } else if (blk == B_FAIL) {
        size_t i = 0;
        while (i < n) {
            const char *nl = memchr(s + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - s) : n, k = e;
            while (k > i && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r')) k--;
            if (k > i) {
                c->fails = xrealloc(c->fails, (size_t)(c->nfails + 1) * sizeof *c->fails);
                c->fails[c->nfails++] = xstrndup(s + i, k - i);
            }
            i = e + 1;
        }
    }
}

/* Ends the current case, checking that it is complete. */
static void end_case(Parser *ps) {
    if (!ps->cur) return;
    if (ps->cur->input_kind == IN_NONE)
        parse_error(ps, ps->cur->line, "case has no %%%%INPUT, %%%%INPUT-ESCAPED or %%%%NOFILE");
    ps->cur = NULL;
}

static Case *new_case(const char *file, int line) {
    if (g_ncases == g_capcases) {
        g_capcases = g_capcases ? 2 * g_capcases : 64;
        g_cases = xrealloc(g_cases, (size_t)g_capcases * sizeof *g_cases);
    }
    Case *c = &g_cases[g_ncases++];
    memset(c, 0, sizeof *c);
    c->file = file;
    c->line = line;
    return c;
}

/* Parses an exit status 0..255 from s; returns -1 if there is none. */
static int parse_status(const char *s) {
    char *end;
    while (*s == ' ' || *s == '\t') s++;
    if (!isdigit((unsigned char)*s)) return -1;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (*end || v < 0 || v > 255) return -1;
    return (int)v;
}

/* Handles one "%%NAME REST" line.  rest is NUL-terminated, trimmed. */
static void directive(Parser *ps, int line, const char *name, const char *rest,
                      size_t next_off) {
    Case *c = ps->cur;
    if (!strcmp(name, "CASE")) {
        end_case(ps);
        c = ps->cur = new_case(ps->file, line);
        const char *e = rest;
        while (*e && *e != ' ' && *e != '\t') e++;
        c->id = xstrndup(rest, (size_t)(e - rest));
        while (*e == ' ' || *e == '\t') e++;
        c->desc = xstrndup(e, strlen(e));
        c->args = xstrndup(ps->dflt_args, strlen(ps->dflt_args));
        if (!*c->id) {
            free(c->id);
            c->id = xstrndup("(no id)", 7);
            parse_error(ps, line, "%%%%CASE without an ID");
        }
        return;
    }
    if (!strcmp(name, "ARGS")) {
        if (c && c->input_kind == IN_NONE) {
            if (c->own_args) parse_error(ps, line, "second %%%%ARGS in a case");
            free(c->args);
            c->args = xstrndup(rest, strlen(rest));
            c->own_args = 1;
        } else {
            end_case(ps);
            free(ps->dflt_args);
            ps->dflt_args = xstrndup(rest, strlen(rest));
        }
        return;
    }
    int is_input = !strcmp(name, "INPUT"), is_esc = !strcmp(name, "INPUT-ESCAPED");
    int known = is_input || is_esc || !strcmp(name, "NOFILE") || !strcmp(name, "EXPECT")
                || !strcmp(name, "FAIL") || !strcmp(name, "STATUS");
    if (!known) {
        parse_error(ps, line, "unknown directive %%%%%s", name);
        return;
    }
    if (!c) {
        parse_error(ps, line, "%%%%%s outside a case (a %%%%ARGS after a case's input "
                    "ends the case)", name);
        return;
    }
    if (is_input || is_esc || !strcmp(name, "NOFILE")) {
        if (c->input_kind != IN_NONE) {
            parse_error(ps, line, "second input in a case");
            return;
        }
        if (!*rest) {
            parse_error(ps, line, "%%%%%s needs %s", name, is_input || is_esc ? "an extension" : "a path");
            c->input_kind = IN_NOFILE; /* avoid a second complaint */
            return;
        }
        if (!strcmp(name, "NOFILE")) {
            c->input_kind = IN_NOFILE;
            c->nofile = xstrndup(rest, strlen(rest));
            return;
        }
        if (strchr(rest, '/') || strchr(rest, ' ') || strchr(rest, '\t'))
            parse_error(ps, line, "bad input extension '%s'", rest);
        c->input_kind = IN_FILE;
        c->ext = xstrndup(rest, strlen(rest));
        ps->block = is_input ? B_INPUT : B_ESCAPED;
    } else if (!strcmp(name, "EXPECT")) {
        if (c->has_expect) parse_error(ps, line, "second %%%%EXPECT in a case");
        if (*rest) parse_error(ps, line, "unexpected text after %%%%EXPECT");
        c->has_expect = 1;
        free(c->expect);
        c->expect = NULL;
        ps->block = B_EXPECT;
    } else { /* FAIL, STATUS */
        if (c->status_kind != ST_DEFAULT)
            parse_error(ps, line, "second %%%%FAIL/%%%%STATUS in a case");
        int st = parse_status(rest);
        if (st < 0) parse_error(ps, line, "%%%%%s needs an exit status 0..255", name);
        c->status = st < 0 ? 0 : st;
        c->status_kind = !strcmp(name, "FAIL") ? ST_FAIL : ST_STATUS;
        if (c->status_kind == ST_FAIL) ps->block = B_FAIL;
    }
    ps->block_off = next_off;
    ps->block_line = line;
}

/* Reads and parses one test file, appending its cases to g_cases. */
static void parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("%s: error: cannot open: %s\n", path, strerror(errno));
        g_failed++;
        return;
    }
    Buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, got);
    int rerr = ferror(f);
    fclose(f);
    if (rerr) {
        printf("%s: error: read error\n", path);
        g_failed++;
        buf_free(&b);
        return;
    }
    if (!b.p) buf_add(&b, "", 0);

    Parser ps = {0};
    ps.file = path;
    ps.text = b.p;
    ps.dflt_args = xstrndup("", 0);
    size_t pos = 0;
    int line = 0;
    while (pos < b.n) {
        line++;
        const char *s = b.p + pos;
        const char *nl = memchr(s, '\n', b.n - pos);
        size_t len = nl ? (size_t)(nl - s) : b.n - pos;
        size_t next = nl ? pos + len + 1 : b.n;
        if (len >= 2 && s[0] == '%' && s[1] == '%') {
            close_block(&ps, pos);
            size_t k = len;
            while (k > 2 && isspace((unsigned char)s[k - 1])) k--;
            size_t ne = 2;
            while (ne < k && s[ne] != ' ' && s[ne] != '\t') ne++;
            char *name = xstrndup(s + 2, ne - 2);
            while (ne < k && (s[ne] == ' ' || s[ne] == '\t')) ne++;
            char *rest = xstrndup(s + ne, k - ne);
            directive(&ps, line, name, rest, next);
            free(name);
            free(rest);
        } else if (ps.block == B_NONE) {
            size_t k = 0;
            while (k < len && isspace((unsigned char)s[k])) k++;
            if (k < len && s[0] != '#')
                parse_error(&ps, line, "text outside a block: %.*s", (int)(len > 60 ? 60 : len), s);
        }
        pos = next;
    }
    close_block(&ps, b.n);
    end_case(&ps);
    free(ps.dflt_args);
    buf_free(&b); /* cases hold copies */
}

/* ------------------------------------------------------------------ */
/* Running a case                                                      */
/* ------------------------------------------------------------------ */

typedef struct {
    Buf out, err;      /* captured stdout and stderr */
    int exited;        /* exited normally; status holds the exit status */
    int status;        /* exit status */
    int signo;         /* killed by this signal (when !exited) */
    int timed_out;     /* killed by the runner after g_timeout seconds */
    char why[256];     /* runner-side failure (cannot fork, ...), or "" */
} Run;

/* Writes n bytes to a new file path.  Returns 0 or -1 (errno set). */
static int write_file(const char *path, const char *s, size_t n) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) return -1;
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return close(fd);
}

/* Appends what is readable on fd to b; returns 0 at end of file or error. */
static int drain(int fd, Buf *b) {
    char chunk[65536];
    ssize_t r = read(fd, chunk, sizeof chunk);
    if (r < 0) return errno == EINTR || errno == EAGAIN;
    if (r == 0) return 0;
    size_t n = (size_t)r;
    if (b->n + n > GOLDEN_MAX_CAPTURE) {
        n = GOLDEN_MAX_CAPTURE - b->n;
        b->truncated = 1;
    }
    if (n) buf_add(b, chunk, n);
    return 1;
}

static void kill_group(pid_t pid) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
}

/* Runs binary with argv in directory dir, capturing into r. */
static void run_child(const char *binary, char **argv, const char *dir, Run *r) {
    int po[2], pe[2];
    memset(r, 0, sizeof *r);
    if (pipe(po) != 0) {
        snprintf(r->why, sizeof r->why, "pipe: %s", strerror(errno));
        return;
    }
    if (pipe(pe) != 0) {
        snprintf(r->why, sizeof r->why, "pipe: %s", strerror(errno));
        close(po[0]);
        close(po[1]);
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(r->why, sizeof r->why, "fork: %s", strerror(errno));
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        return;
    }
    if (pid == 0) {
        setpgid(0, 0); /* so a timeout kills the whole group */
        int in = open("/dev/null", O_RDONLY);
        if (in >= 0) { dup2(in, 0); close(in); }
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        signal(SIGPIPE, SIG_DFL);
        if (chdir(dir) != 0) {
            fprintf(stderr, "golden: chdir %s: %s\n", dir, strerror(errno));
            _exit(127);
        }
        execv(binary, argv);
        fprintf(stderr, "golden: cannot run %s: %s\n", binary, strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid); /* no race with the child's own call */
    close(po[1]);
    close(pe[1]);

    /* Read both pipes until both are closed and the child has exited.  Once
    ** the child has exited its process group is killed, so that a stray
    ** grandchild holding a pipe open cannot stall the run. */
    double deadline = now_seconds() + g_timeout;
    struct pollfd pf[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    Buf *dst[2] = {&r->out, &r->err};
    int open_fds = 2, reaped = 0, wst = 0;
    while (open_fds > 0 || !reaped) {
        double left = deadline - now_seconds();
        if (left <= 0) {
            r->timed_out = 1;
            break;
        }
        if (!reaped) {
            pid_t w = waitpid(pid, &wst, WNOHANG);
            if (w == pid) {
                reaped = 1;
                kill(-pid, SIGKILL);
                continue;
            }
            if (w < 0 && errno != EINTR) {
                snprintf(r->why, sizeof r->why, "waitpid: %s", strerror(errno));
                reaped = 1; /* nothing left to wait for */
                break;
            }
        }
        if (open_fds == 0) { /* pipes closed, child still running */
            struct timespec ts = {0, 1000 * 1000};
            nanosleep(&ts, NULL);
            continue;
        }
        int ms = (int)(left * 1000.0) + 1;
        if (!reaped && ms > 50) ms = 50;
        int n = poll(pf, 2, ms);
        if (n < 0) {
            if (errno == EINTR) continue;
            snprintf(r->why, sizeof r->why, "poll: %s", strerror(errno));
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            if (!drain(pf[i].fd, dst[i])) {
                close(pf[i].fd);
                pf[i].fd = -1;
                open_fds--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (pf[i].fd >= 0) close(pf[i].fd);
    if (!reaped) { /* timed out or failed: kill and collect */
        kill_group(pid);
        while (waitpid(pid, &wst, 0) < 0 && errno == EINTR) {}
    }
    if (r->timed_out || r->why[0]) return;
    if (WIFEXITED(wst)) {
        r->exited = 1;
        r->status = WEXITSTATUS(wst);
    } else if (WIFSIGNALED(wst)) {
        r->signo = WTERMSIG(wst);
    }
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *s;
    size_t n;
} Line;

/* Splits s into lines with trailing spaces and tabs removed, dropping
** trailing empty lines.  Returns the count; *out is malloc'ed. */
static size_t split_lines(const char *s, size_t n, Line **out) {
    size_t cap = 16, cnt = 0, i = 0;
    Line *v = xmalloc(cap * sizeof *v);
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n, k = e;
        while (k > i && (s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
        if (cnt == cap) v = xrealloc(v, (cap *= 2) * sizeof *v);
        v[cnt].s = s + i;
        v[cnt].n = k - i;
        cnt++;
        i = e + 1;
    }
    while (cnt > 0 && v[cnt - 1].n == 0) cnt--;
    *out = v;
    return cnt;
}

/* Prints one side of a differing line: whole when short, else a window
** around byte column col. */
static void print_diff_side(const char *label, const Line *l, size_t col) {
    printf("    %s ", label);
    if (!l) {
        printf("(end of output)\n");
        return;
    }
    if (l->n <= 160) {
        print_visible(l->s, l->n);
    } else {
        size_t a = col > 60 ? col - 60 : 0, b = col + 100 < l->n ? col + 100 : l->n;
        while (a > 0 && ((unsigned char)l->s[a] & 0xC0) == 0x80) a--;
        while (b < l->n && ((unsigned char)l->s[b] & 0xC0) == 0x80) b++;
        if (a > 0) printf("...");
        print_visible(l->s + a, b - a);
        if (b < l->n) printf("...");
    }
    putchar('\n');
}

static void fail_header(const Case *c, int *printed) {
    if (*printed) return;
    *printed = 1;
    printf("FAIL %s (%s:%d)%s%s\n", c->id, c->file, c->line, *c->desc ? " " : "", c->desc);
}

/* Compares stdout with the expectation; prints the first difference (after
** the case's FAIL header) and returns 0 when they differ. */
static int compare_stdout(const Case *c, const Run *r, int *printed) {
    Line *ev, *gv;
    size_t ne = split_lines(c->expect ? c->expect : "", c->nexpect, &ev);
    size_t ng = split_lines(r->out.p ? r->out.p : "", r->out.n, &gv);
    size_t i = 0;
    while (i < ne && i < ng && ev[i].n == gv[i].n && !memcmp(ev[i].s, gv[i].s, ev[i].n)) i++;
    int same = i == ne && i == ng;
    if (!same) {
        size_t col = 0;
        fail_header(c, printed);
        if (i < ne && i < ng)
            while (col < ev[i].n && col < gv[i].n && ev[i].s[col] == gv[i].s[col]) col++;
        printf("  stdout differs at line %zu", i + 1);
        if (i < ne && i < ng) printf(", byte %zu", col + 1);
        printf(" (expected %zu lines, got %zu):\n", ne, ng);
        print_diff_side("expected:", i < ne ? &ev[i] : NULL, col);
        print_diff_side("got:     ", i < ng ? &gv[i] : NULL, col);
        if (i < ne && ev[i].n > 0 && ev[i].s[0] == '#')
            printf("    (note: a '#' line inside %%%%EXPECT is content, not a comment)\n");
    }
    free(ev);
    free(gv);
    return same;
}

/* Prints the first lines of stderr (all with -v). */
static void show_stderr(const Run *r) {
    if (r->err.n == 0) {
        printf("  stderr: (empty)\n");
        return;
    }
    if (g_verbose) return; /* printed whole below */
    printf("  stderr:\n");
    size_t i = 0;
    int shown = 0;
    while (i < r->err.n && shown < GOLDEN_STDERR_HEAD) {
        const char *nl = memchr(r->err.p + i, '\n', r->err.n - i);
        size_t e = nl ? (size_t)(nl - r->err.p) : r->err.n;
        printf("  | %.*s\n", (int)(e - i), r->err.p + i);
        i = e + 1;
        shown++;
    }
    if (i < r->err.n) printf("  | ...\n");
}

/* Runs one case and reports it.  Returns 1 when it passed. */
static int run_case(const Case *c, const char *binary) {
    const char *tmp = getenv("TMPDIR");
    char *dir = xjoin(tmp && *tmp ? tmp : "/tmp", "/golden.XXXXXX", "");
    char *base = NULL, *path = NULL;
    const char *arg = c->nofile;
    int printed = 0;
    if (!mkdtemp(dir)) {
        fail_header(c, &printed);
        printf("  runner: mkdtemp %s: %s\n", dir, strerror(errno));
        free(dir);
        return 0;
    }
    if (c->input_kind == IN_FILE) {
        base = xjoin("case.", c->ext, "");
        path = xjoin(dir, "/", base);
        if (write_file(path, c->input, c->ninput) != 0) {
            fail_header(c, &printed);
            printf("  runner: cannot write %s: %s\n", path, strerror(errno));
            remove_tree(dir);
            free(dir);
            free(base);
            free(path);
            return 0;
        }
        arg = base;
    }

    int nargs;
    char **argv = split_words(c->args, 2, &nargs);
    memmove(argv + 1, argv, (size_t)(nargs + 1) * sizeof *argv);
    const char *slash = strrchr(binary, '/');
    argv[0] = xstrndup(slash ? slash + 1 : binary, strlen(slash ? slash + 1 : binary));
    argv[nargs + 1] = xstrndup(arg, strlen(arg));
    argv[nargs + 2] = NULL;
    /* "@/path" in %%ARGS names a file of the repository (the runner's
    ** directory): the child runs elsewhere. */
    for (int k = 1; k <= nargs; k++)
        if (argv[k][0] == '@' && argv[k][1] == '/') {
            char *abs = xjoin(g_root, "/", argv[k] + 2);
            free(argv[k]);
            argv[k] = abs;
        }

    Run r;
    run_child(binary, argv, dir, &r);
    remove_tree(dir);
    free(dir);
    free(base);
    free(path);

    if (r.why[0]) {
        fail_header(c, &printed);
        printf("  runner: %s\n", r.why);
    } else if (r.timed_out) {
        fail_header(c, &printed);
        printf("  timed out after %g s (killed)\n", g_timeout);
        show_stderr(&r);
    } else {
        int want = c->status_kind == ST_DEFAULT ? 0 : c->status;
        int status_ok = r.exited && r.status == want;
        if (c->has_expect) compare_stdout(c, &r, &printed);
        if (r.out.truncated) {
            fail_header(c, &printed);
            printf("  stdout longer than %zu bytes (truncated)\n", GOLDEN_MAX_CAPTURE);
        }
        if (!status_ok) {
            fail_header(c, &printed);
            if (r.exited)
                printf("  exit status: expected %d, got %d\n", want, r.status);
            else
                printf("  exit status: expected %d, killed by signal %d (%s)\n", want,
                       r.signo, strsignal(r.signo));
        }
        int missing = 0;
        for (int i = 0; i < c->nfails; i++) {
            if (r.err.p && strstr(r.err.p, c->fails[i])) continue;
            /* strstr stops at a NUL in stderr; fall back to a byte search */
            size_t fl = strlen(c->fails[i]), j = 0;
            int found = 0;
            for (; !found && r.err.n >= fl && j <= r.err.n - fl; j++)
                found = !memcmp(r.err.p + j, c->fails[i], fl);
            if (found) continue;
            fail_header(c, &printed);
            printf("  stderr lacks \"");
            print_visible(c->fails[i], fl);
            printf("\"\n");
            missing++;
        }
        if (printed && (!status_ok || missing)) show_stderr(&r);
    }
    if (printed && g_verbose) {
        print_block("stdout", r.out.p ? r.out.p : "", r.out.n);
        print_block("stderr", r.err.p ? r.err.p : "", r.err.n);
    } else if (!printed && g_verbose) {
        printf("ok %s\n", c->id);
    }
    buf_free(&r.out);
    buf_free(&r.err);
    for (int i = 0; argv[i]; i++) free(argv[i]);
    free(argv);
    return !printed;
}

/* ------------------------------------------------------------------ */

static void free_cases(void) {
    for (int k = 0; k < g_ncases; k++) {
        Case *c = &g_cases[k];
        free(c->id);
        free(c->desc);
        free(c->args);
        free(c->ext);
        free(c->input);
        free(c->nofile);
        free(c->expect);
        for (int i = 0; i < c->nfails; i++) free(c->fails[i]);
        free(c->fails);
    }
    free(g_cases);
}

static void usage(void) {
    fprintf(stderr,
            "usage: golden [-v] [-k ID-SUBSTRING] [-t SECONDS] DYAD_BINARY FILE.test...\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *filter = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) { i++; break; }
        if (!strcmp(argv[i], "-v")) g_verbose = 1;
        else if (!strcmp(argv[i], "-k") && i + 1 < argc) filter = argv[++i];
        else if (!strcmp(argv[i], "-t") && i + 1 < argc) {
            char *end;
            g_timeout = strtod(argv[++i], &end);
            if (*end || !(g_timeout > 0)) usage();
        } else usage();
    }
    if (argc - i < 2) usage();
    /* The child runs in a temporary directory: make the path absolute. */
    char *binary, cwd[PATH_MAX];
    if (getcwd(g_root, sizeof g_root) == NULL) {
        fprintf(stderr, "golden: getcwd: %s\n", strerror(errno));
        return 2;
    }
    if (argv[i][0] == '/') binary = xjoin(argv[i], "", "");
    else if (getcwd(cwd, sizeof cwd)) binary = xjoin(cwd, "/", argv[i]);
    else {
        fprintf(stderr, "golden: getcwd: %s\n", strerror(errno));
        return 2;
    }
    struct stat st;
    if (stat(binary, &st) != 0 || !S_ISREG(st.st_mode) || access(binary, X_OK) != 0) {
        fprintf(stderr, "golden: %s: not an executable file\n", argv[i]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    for (i++; i < argc; i++) parse_file(argv[i]);

    int selected = 0;
    for (int k = 0; k < g_ncases; k++) {
        const Case *c = &g_cases[k];
        if (filter && !strstr(c->id, filter)) continue;
        selected++;
        if (c->broken) continue; /* reported and counted while parsing */
        int dup = -1;
        for (int j = 0; j < k && dup < 0; j++)
            if (!strcmp(g_cases[j].id, c->id)) dup = j;
        if (dup >= 0) {
            printf("FAIL %s (%s:%d): duplicate case ID, first at %s:%d\n", c->id, c->file,
                   c->line, g_cases[dup].file, g_cases[dup].line);
            g_failed++;
            continue;
        }
        if (run_case(c, binary)) g_passed++;
        else g_failed++;
    }
    if (filter && selected == 0) fprintf(stderr, "golden: no case ID contains '%s'\n", filter);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    free_cases();
    free(binary);
    return g_failed ? 1 : 0;
}
