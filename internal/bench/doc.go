// Package bench measures Dossier's build against the floor (the least a
// generator must do with the same corpus) and against Hugo:
// full builds at 1,000 and 10,000 articles, timed in interleaved rounds,
// with each builder's peak memory read from its own rusage.
//
// The corpus comes from internal/corpus. Hugo's minimal layouts live in
// hugo/layouts; Hugo itself is installed on request (InstallHugo), never
// committed. cmd/dossier-bench is the command; README.md ("Figures")
// says how to run it and what it measured.
package bench
