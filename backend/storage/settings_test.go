package storage

import (
	"context"
	"testing"

	"tandem/backend/domain"
)

func TestPaperSizeSetting(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	if s, err := db.Settings(ctx); err != nil || s.PaperSize != domain.PaperA4 {
		t.Fatalf("a new vault prints on %q (%v), want A4", s.PaperSize, err)
	}
	if s, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 5, PaperSize: domain.PaperLetter}); err != nil || s.PaperSize != domain.PaperLetter {
		t.Fatalf("got %+v %v", s, err)
	}
	if s, _ := db.Settings(ctx); s.PaperSize != domain.PaperLetter || s.AutoLockMinutes != 5 {
		t.Fatalf("letter was not kept: %+v", s)
	}
	if _, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 5, PaperSize: "a5"}); domain.ErrorField(err) != "paperSize" {
		t.Fatalf("a5 was accepted: %v", err)
	}
	// Settings saved without a paper size (an older page) mean A4.
	if s, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 5}); err != nil || s.PaperSize != domain.PaperA4 {
		t.Fatalf("got %+v %v", s, err)
	}
}
