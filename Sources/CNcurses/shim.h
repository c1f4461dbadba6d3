// The only C in the project: what Swift cannot import from <curses.h> directly.
//
// - Wide-character curses (get_wch, wint_t) needs NCURSES_WIDECHAR before the header.
// - Attribute and mouse macros built from shifts, and the C globals (stdscr, stdout), do not
//   import into Swift 6; each gets a tiny inline wrapper here.
// - The signal handler lives in C so it stays small: restore the terminal, then die by the
//   same signal with its default action (so the exit status still says what happened).
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }

/// Opens the terminal named by $TERM on stdout/stdin; NULL (instead of exiting) when TERM is unknown.
static inline SCREEN *cn_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

/// Sets the locale from the environment; returns 1 when its character set is UTF-8.
static inline int cn_setlocale_from_environment(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static inline int cn_lines(void) { return getmaxy(stdscr); }
static inline int cn_cols(void) { return getmaxx(stdscr); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Writes bytes straight to the terminal (for OSC 52), after curses has flushed its own output.
static inline void cn_write_raw(const char *bytes, size_t length) {
    fflush(stdout);
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, length);
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

/// Puts the terminal back the way the shell had it, then dies by the same signal.
static void cn_restore_and_reraise(int signal_number) {
    if (!isendwin()) endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/// The signals whose arrival restores the terminal: the terminal ones, then the fatal ones.
enum { CN_RESTORE_SIGNAL_COUNT = 10 };
/// `struct sigaction` under a name Swift can tell apart from the function `sigaction`.
typedef struct sigaction cn_signal_action;
static inline int cn_restore_signal(int index) {
    static const int signals[CN_RESTORE_SIGNAL_COUNT] = {
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGTRAP, SIGFPE
    };
    return signals[index];
}

/// Installs the restore handler for each signal, saving the previous actions into `saved`
/// (CN_RESTORE_SIGNAL_COUNT entries). A signal the program was started ignoring (SIGHUP under
/// nohup) stays ignored.
static inline void cn_install_restore_handlers(cn_signal_action *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cn_restore_and_reraise;
    sigemptyset(&action.sa_mask);
    for (int index = 0; index < CN_RESTORE_SIGNAL_COUNT; index++) {
        int signal_number = cn_restore_signal(index);
        sigaction(signal_number, NULL, &saved[index]);
        if (saved[index].sa_handler == SIG_IGN) continue;
        sigaction(signal_number, &action, NULL);
    }
}

/// Puts back the actions saved by cn_install_restore_handlers once the terminal is restored normally.
static inline void cn_restore_signal_actions(const cn_signal_action *saved) {
    for (int index = 0; index < CN_RESTORE_SIGNAL_COUNT; index++) {
        sigaction(cn_restore_signal(index), &saved[index], NULL);
    }
}

#endif
