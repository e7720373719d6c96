// Package demo fills a vault with obviously fictional but realistic records,
// so that screenshots, tests and benchmarks always have data. Everything it
// writes is generated from a seed: the same seed gives the same practice.
// It grows with every feature that adds records: clients, plans,
// agreements, power maps and reflections, then cycle after cycle of
// preparation, medicine and integration sessions with setting plans, the
// shifts of the weeks after, patterns and resources, the measures a third
// of the clients answer (measures.go), and the medicine safety records:
// the consent template, medications, screenings, consents, each medicine
// session's preparation and live log (medicine.go). A ten-year practice of
// 300 clients (`--clients 300 --years 10`) comes to about 12,300 sessions,
// 61,000 shifts, 5,200 measures, 2,500 screenings and 36,000 log entries.
package demo
