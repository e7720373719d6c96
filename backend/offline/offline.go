package offline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
	"filippo.io/age/armor"

	"tandem/backend/domain"
)

// NewKey makes a worksheet key: an age X25519 identity and its recipient.
func NewKey() (identity, recipient string, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", "", err
	}
	return id.String(), id.Recipient().String(), nil
}

// Open decrypts a returned file (binary age, or ASCII-armored) with the
// practice's worksheet identity and decodes its content strictly: one JSON
// object of domain.ReturnFile's fields, no other field, nothing after it.
// It reads at most domain.MaxReturnFile bytes of r. Every refusal is
// EINVALID with a sentence for the therapist: a file for another practice,
// a changed or cut file, one too large, or content that is not a returned
// worksheet. The content's entries are checked later, against the page
// the file names (storage.PreviewReturn).
func Open(r io.Reader, identity string) (domain.ReturnFile, error) {
	var f domain.ReturnFile
	id, err := age.ParseX25519Identity(identity)
	if err != nil {
		return f, fmt.Errorf("read the worksheet key: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(r, domain.MaxReturnFile+1))
	if err != nil {
		return f, fmt.Errorf("read the returned file: %w", err)
	}
	if len(data) > domain.MaxReturnFile {
		return f, domain.Errorf(domain.EINVALID, "This file is larger than a worksheet page ever makes (%d MiB), so it was not opened.", domain.MaxReturnFile>>20)
	}
	var in io.Reader = bytes.NewReader(data)
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armor.Header)) {
		in = armor.NewReader(bytes.NewReader(data))
	}
	plain, err := age.Decrypt(bufio.NewReader(in), id)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch):
		return f, domain.Errorf(domain.EINVALID, "This file was not made for this practice: it was sent back from another practice's worksheet page, or it is not a worksheet file.")
	case err != nil:
		return f, domain.Wrap(domain.EINVALID, "This file is not a whole worksheet file: it was changed or cut short after it was made. Ask the client to send it back again.", err)
	}
	content, err := io.ReadAll(io.LimitReader(plain, domain.MaxReturnFile+1))
	switch {
	case err != nil:
		return f, domain.Wrap(domain.EINVALID, "This file is not a whole worksheet file: it was changed or cut short after it was made. Ask the client to send it back again.", err)
	case len(content) > domain.MaxReturnFile:
		return f, domain.Errorf(domain.EINVALID, "This file holds more than a worksheet page ever makes, so it was not opened.")
	}
	return Decode(content)
}

// Decode reads a returned file's decrypted content: one JSON object of
// domain.ReturnFile's fields whose format is domain.ReturnFormat, no other
// field, nothing after it. Anything else is EINVALID.
func Decode(content []byte) (domain.ReturnFile, error) {
	var f domain.ReturnFile
	refuse := domain.Errorf(domain.EINVALID, "This file opened, but it does not hold a worksheet sent back from a Tandem worksheet page.")
	dec := json.NewDecoder(bytes.NewReader(content))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil || f.Format != domain.ReturnFormat {
		return domain.ReturnFile{}, refuse
	}
	if _, err := dec.Token(); err != io.EOF {
		return domain.ReturnFile{}, refuse
	}
	return f, nil
}
