package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// work is what the generator needs of a CSL JSON item.
type work struct {
	ID     string `json:"id"`
	Author []struct {
		Family   string `json:"family"`
		Given    string `json:"given"`
		Literal  string `json:"literal"`
		Particle string `json:"non-dropping-particle"`
	} `json:"author"`
	Issued struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"issued"`
}

// year is the year of publication, as written.
func (w work) year() string {
	if len(w.Issued.DateParts) == 0 || len(w.Issued.DateParts[0]) == 0 {
		return ""
	}
	return strconv.Itoa(w.Issued.DateParts[0][0])
}

// names are the authors' family names, or corporate names.
func (w work) names() []string {
	var ns []string
	for _, a := range w.Author {
		if a.Literal != "" {
			ns = append(ns, a.Literal)
		} else {
			ns = append(ns, a.Family)
		}
	}
	return ns
}

// firstName is the first author's family or corporate name.
func (w work) firstName() string {
	if ns := w.names(); len(ns) > 0 {
		return ns[0]
	}
	return ""
}

// personal reports whether the first author is a person.
func (w work) personal() bool { return len(w.Author) > 0 && w.Author[0].Family != "" }

func parseWorks(b []byte) (map[string]work, error) {
	var ws []work
	if err := json.Unmarshal(b, &ws); err != nil {
		return nil, fmt.Errorf("bibliography.json: %w", err)
	}
	m := map[string]work{}
	for _, w := range ws {
		if _, dup := m[w.ID]; dup {
			return nil, fmt.Errorf("bibliography.json: %s twice", w.ID)
		}
		if w.year() == "" || len(w.Author) == 0 {
			return nil, fmt.Errorf("bibliography.json: %s has no author or year", w.ID)
		}
		m[w.ID] = w
	}
	return m, nil
}

// misspell changes the last plain vowel of a name to another, as a
// careless hand would: Müller → Müllar, Nakamura → Nakamure.
func misspell(name string) string {
	swap := map[byte]byte{'a': 'e', 'e': 'a', 'i': 'e', 'o': 'a', 'u': 'o'}
	for i := len(name) - 1; i > 0; i-- {
		if to, ok := swap[name[i]]; ok {
			return name[:i] + string(to) + name[i+1:]
		}
	}
	return name + "e"
}

// lastWord is the last word of a family name: "Briain" of "Ó Briain".
func lastWord(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}
