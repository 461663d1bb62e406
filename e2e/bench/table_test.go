//go:build !wasm

package main

import "testing"

func TestPairedRatio(t *testing.T) {
	tests := []struct {
		name   string
		as, bs []float64
		want   string
	}{
		{"one run", []float64{150}, []float64{100}, "1.50"},
		// The medians are 300 and 200 (1.50); every run's own ratio is 1.10.
		{"drift cancels", []float64{110, 330, 550}, []float64{100, 300, 500}, "1.10"},
		{"median of the run ratios", []float64{120, 100, 300}, []float64{100, 100, 100}, "1.20"},
		{"runs only one app has are left out", []float64{120, 999}, []float64{100}, "1.20"},
		{"a zero is left out", []float64{120, 5}, []float64{100, 0}, "1.20"},
		{"nothing", nil, nil, "n/a"},
	}
	for _, tt := range tests {
		if got := pairedRatio(tt.as, tt.bs); got != tt.want {
			t.Errorf("%s: pairedRatio(%v, %v) = %s, want %s", tt.name, tt.as, tt.bs, got, tt.want)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		vs   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := median(tt.vs); got != tt.want {
			t.Errorf("median(%v) = %g, want %g", tt.vs, got, tt.want)
		}
	}
}
