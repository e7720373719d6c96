package app

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
)

// dialogs are the native file dialogs the bindings open. They
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

// saveAs asks where to save data in the native save dialog and writes it
// there (0600). It returns false when the dialog was cancelled.
func saveAs(s *Shell, title, suggested, filterName, pattern string, data []byte) (bool, error) {
	return saveMade(s, title, suggested, filterName, pattern, func() ([]byte, error) { return data, nil })
}

// saveMade is saveAs for data that is made only once the therapist has
// chosen where it goes (make runs after the dialog, and not when it was
// cancelled).
func saveMade(s *Shell, title, suggested, filterName, pattern string, make func() ([]byte, error)) (bool, error) {
	path, err := s.fileDialogs().saveFile(title, suggested, []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}})
	if err != nil {
		return false, domain.Wrap(domain.EINTERNAL, "The save dialog could not be opened.", err)
	}
	if path == "" {
		return false, nil
	}
	data, err := make()
	if err != nil {
		return false, err
	}
	if err := writeChosen(path, filepath.Ext(suggested), data); err != nil {
		return false, err
	}
	return true, nil
}

// writeChosen writes data to path, as a save dialog answered it. The
// dialog asked before replacing the file it named, which is then replaced
// whole (written beside it and renamed into place, so a failure never
// leaves half of it). A name given without its extension gets ext, and
// that file, which the dialog never showed, is never replaced (EEXISTS).
func writeChosen(path, ext string, data []byte) error {
	fail := func(err error) error {
		return domain.Wrap(domain.EINVALID, "The file could not be saved there. Choose another folder.", err)
	}
	if filepath.Ext(path) == "" && ext != "" {
		path += ext
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			return domain.Errorf(domain.EEXISTS, "A file named %s already exists there, and Tandem never replaces a file the save dialog did not show. Choose another name.", filepath.Base(path))
		}
		if err != nil {
			return fail(err)
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return fail(err)
		}
		return nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fail(err)
	}
	return nil
}

// clipboard is the system clipboard, which only a recovery key being kept
// ever reaches (CopyRecoveryKey). Tests set their own (Shell.clip).
type clipboard interface {
	text() (string, error)
	setText(string) error
}

// nativeClipboard is the system's clipboard, through Wails; without a
// window it holds nothing.
type nativeClipboard struct{ s *Shell }

func (c nativeClipboard) text() (string, error) {
	if c.s.ctx == nil {
		return "", nil
	}
	return runtime.ClipboardGetText(c.s.ctx)
}

func (c nativeClipboard) setText(t string) error {
	if c.s.ctx == nil {
		return errors.New("no window")
	}
	return runtime.ClipboardSetText(c.s.ctx, t)
}

// clipboard returns the tests' clipboard when set, else the system's.
func (s *Shell) clipboard() clipboard {
	if s.clip != nil {
		return s.clip
	}
	return nativeClipboard{s}
}
