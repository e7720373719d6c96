package app

import (
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// dialogs are the native file dialogs the backup bindings open. They
// return "" when the therapist cancels. The page never passes a path: a
// path reaches the Go side only from one of these.
type dialogs interface {
	chooseFolder(title, current string) (string, error)
	openFile(title string, filters []runtime.FileFilter) (string, error)
	saveFile(title, defaultName string, filters []runtime.FileFilter) (string, error)
}

// nativeDialogs are the operating system's dialogs, through Wails.
type nativeDialogs struct{ s *Shell }

func (d nativeDialogs) chooseFolder(title, current string) (string, error) {
	return runtime.OpenDirectoryDialog(d.s.ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: current,
		CanCreateDirectories: true})
}

func (d nativeDialogs) openFile(title string, filters []runtime.FileFilter) (string, error) {
	return runtime.OpenFileDialog(d.s.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
}

func (d nativeDialogs) saveFile(title, defaultName string, filters []runtime.FileFilter) (string, error) {
	return runtime.SaveFileDialog(d.s.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName,
		Filters: filters, CanCreateDirectories: true})
}

// fileDialogs returns the dialogs to use: the tests' own when set, the
// end-to-end seam in a `wails dev` build run with TANDEM_E2E_DIALOG_DIR
// (see dialogs_e2e.go), else the native ones.
func (s *Shell) fileDialogs() dialogs {
	s.mu.Lock()
	d := s.dialogs
	s.mu.Unlock()
	if d != nil {
		return d
	}
	if e := e2eDialogs(); e != nil {
		return e
	}
	return nativeDialogs{s}
}
