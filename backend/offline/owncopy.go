package offline

import (
	"archive/tar"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"time"

	"filippo.io/age"

	"tandem/backend/domain"
)

// A client's own copy (docs/offline-worksheet.md, "The client's own
// copy") is everything shared with them, as files in a tar stream,
// encrypted with age to a passphrase the client chose (age's scrypt
// recipient), so that the standard age tool opens it:
//
//	age -d own-copy-T-014-2026-06-10.age | tar -x
//
// Tandem writes it; nothing in Tandem reads one back except its tests and
// ReadOwnCopy, which a reader of the format may use to check a file.

// OwnCopyWorkFactor is the scrypt work factor (log2 N) a copy is
// encrypted with: age's default, about a second on a laptop. Tests lower it.
var OwnCopyWorkFactor = 18

// OwnCopyFile is one file of a copy.
type OwnCopyFile struct {
	Name string
	Data []byte
}

// maxOwnCopy bounds what ReadOwnCopy reads, decrypted.
const maxOwnCopy = 256 << 20

// WriteOwnCopy writes files, in order, as a tar stream encrypted to
// passphrase, each file dated made. It refuses (EINVALID) a passphrase
// domain.CheckPassphrase refuses: the copy is only as safe as it.
func WriteOwnCopy(w io.Writer, passphrase string, made time.Time, files []OwnCopyFile) error {
	if c := domain.CheckPassphrase(passphrase); !c.OK {
		return domain.FieldError("passphrase", c.Message)
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return fmt.Errorf("own copy: %w", err)
	}
	r.SetWorkFactor(OwnCopyWorkFactor)
	enc, err := age.Encrypt(w, r)
	if err != nil {
		return fmt.Errorf("own copy: %w", err)
	}
	tw := tar.NewWriter(enc)
	for _, f := range files {
		if !validName(f.Name) {
			return fmt.Errorf("own copy: the name %q is not a plain file name", f.Name)
		}
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: f.Name, Mode: 0o600, Size: int64(len(f.Data)), ModTime: made.UTC(), Format: tar.FormatPAX}); err != nil {
			return fmt.Errorf("own copy: %w", err)
		}
		if _, err := tw.Write(f.Data); err != nil {
			return fmt.Errorf("own copy: %w", err)
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("own copy: %w", err)
	}
	return enc.Close()
}

func validName(name string) bool {
	return name != "" && path.Base(name) == name && name != "." && name != ".."
}

// ReadOwnCopy decrypts a copy with its passphrase and returns its files.
// A wrong passphrase, a changed or cut file, or anything but plain files
// with plain names is refused (EINVALID).
func ReadOwnCopy(r io.Reader, passphrase string) ([]OwnCopyFile, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, domain.FieldError("passphrase", "Type the passphrase the copy was made with.")
	}
	plain, err := age.Decrypt(bufio.NewReader(r), id)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch):
		return nil, domain.Errorf(domain.EINVALID, "This passphrase does not open this copy.")
	case err != nil:
		return nil, domain.Wrap(domain.EINVALID, "This is not a whole copy: it was changed or cut short.", err)
	}
	// All of it is read, and so authenticated, before any of it is used.
	whole, err := io.ReadAll(io.LimitReader(plain, maxOwnCopy+1))
	switch {
	case err != nil:
		return nil, domain.Wrap(domain.EINVALID, "This is not a whole copy: it was changed or cut short.", err)
	case len(whole) > maxOwnCopy:
		return nil, domain.Errorf(domain.EINVALID, "This copy is larger than Tandem makes one.")
	}
	tr := tar.NewReader(bytes.NewReader(whole))
	var out []OwnCopyFile
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil || h.Typeflag != tar.TypeReg || !validName(h.Name) {
			return nil, domain.Errorf(domain.EINVALID, "This is not a copy Tandem made: it holds something other than plain files.")
		}
		var b bytes.Buffer
		if _, err := io.Copy(&b, tr); err != nil {
			return nil, domain.Wrap(domain.EINVALID, "This is not a whole copy: it was changed or cut short.", err)
		}
		out = append(out, OwnCopyFile{Name: h.Name, Data: b.Bytes()})
	}
}
