// Package demo fills a vault with obviously fictional but realistic records,
// so that screenshots, tests and benchmarks always have data. Everything it
// writes is generated from a seed: the same seed gives the same practice.
// It grows with every feature that adds records.
package demo
