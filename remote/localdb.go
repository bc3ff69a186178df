package remote

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	// Conan 1 keeps logins in an sqlite file; modernc's driver is pure Go,
	// so conid still builds with CGO_ENABLED=0.
	_ "modernc.org/sqlite"
)

// LocalDB is the Conan home's .conan.db: one login per remote URL, in
// Conan 1's table users_remotes(remote_url, user, token, refresh_token).
// (Conan encrypts tokens when CONAN_LOGIN_ENCRYPTION_KEY is set; conid
// does not read such databases.)
type LocalDB struct {
	Path string
}

// Login is what .conan.db holds for a remote.
type Login struct {
	User, Token, RefreshToken string
}

// OpenLocalDB returns the home's login database.
func OpenLocalDB(homeDir string) *LocalDB {
	return &LocalDB{Path: filepath.Join(homeDir, ".conan.db")}
}

func (db *LocalDB) open(create bool) (*sql.DB, error) {
	if !create {
		if _, err := os.Stat(db.Path); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(db.Path), 0o755); err != nil {
		return nil, err
	}
	d, err := sql.Open("sqlite", db.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", db.Path, err)
	}
	if _, err := d.Exec("PRAGMA busy_timeout = 5000"); err != nil {
		d.Close()
		return nil, fmt.Errorf("%s: %v", db.Path, err)
	}
	if create {
		if _, err := d.Exec("create table if not exists users_remotes (remote_url TEXT UNIQUE, user TEXT, token TEXT, refresh_token TEXT)"); err != nil {
			d.Close()
			return nil, fmt.Errorf("Could not initialize local sqlite database %s: %v", db.Path, err)
		}
	}
	return d, nil
}

// Get returns the login stored for a remote URL (zero when none).
func (db *LocalDB) Get(remoteURL string) (Login, error) {
	d, err := db.open(false)
	if os.IsNotExist(err) {
		return Login{}, nil
	}
	if err != nil {
		return Login{}, err
	}
	defer d.Close()
	var user, token, refresh sql.NullString
	err = d.QueryRow("select user, token, refresh_token from users_remotes where remote_url = ?", remoteURL).Scan(&user, &token, &refresh)
	if err == sql.ErrNoRows {
		return Login{}, nil
	}
	if err != nil {
		return Login{}, fmt.Errorf("Couldn't read login\n Try removing '%s' file: %v", db.Path, err)
	}
	return Login{User: user.String, Token: token.String, RefreshToken: refresh.String}, nil
}

// Store saves a login for a remote URL, replacing the previous one.
func (db *LocalDB) Store(remoteURL string, l Login) error {
	d, err := db.open(true)
	if err != nil {
		return err
	}
	defer d.Close()
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	if _, err := d.Exec("INSERT OR REPLACE INTO users_remotes (remote_url, user, token, refresh_token) VALUES (?, ?, ?, ?)",
		remoteURL, null(l.User), null(l.Token), null(l.RefreshToken)); err != nil {
		return fmt.Errorf("Could not store credentials %v", err)
	}
	return nil
}
