// Package demo fills a vault with obviously fictional but realistic records,
// so that screenshots, tests and benchmarks always have data. Everything it
// writes is generated from a seed: the same seed gives the same practice.
// It grows with every feature that adds records: clients, plans,
// agreements, power maps and reflections, then cycle after cycle of
// preparation, medicine and integration sessions with setting plans, the
// shifts of the weeks after, patterns and resources, and the measures a
// third of the clients answer (measures.go). A ten-year practice of 300
// clients (`--clients 300 --years 10`) comes to about 12,900 sessions,
// 64,000 shifts and 5,000 measures.
package demo
