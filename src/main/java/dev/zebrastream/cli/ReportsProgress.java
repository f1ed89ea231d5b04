package dev.zebrastream.cli;

/**
 * Marks a command whose own INFO log lines are its progress report (a service that runs until Ctrl-C, a
 * render or a benchmark that takes minutes): they stay on the terminal without {@code --verbose}.
 */
interface ReportsProgress {
}
