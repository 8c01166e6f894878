package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// IdentityFile, in the data directory, keeps the kiosk's last good identity: its id and
// hub settings, so that a broken config file never changes them.
const IdentityFile = "identity.json"

// Identity is what IdentityFile holds.
type Identity struct {
	KioskID string    `json:"kiosk_id"`
	HubURL  string    `json:"hub_url"`
	Token   string    `json:"token"`
	Saved   time.Time `json:"saved"`
}

// LoadForKiosk is Load for the kiosk program. Unlike Load it always returns a usable
// configuration, and the kiosk id never changes silently:
//
//   - The data directory is dataDirOverride if set, else the file's data_dir (read even
//     from a file that fails validation), else DefaultDataDir.
//   - A good file's kiosk_id and [sync] settings are saved to data_dir/identity.json
//     (atomic write). A kiosk_id that differs from the saved one is a change by staff:
//     it is taken, saved, and reported as a warning. A good file that does not set
//     kiosk_id at all keeps the saved id.
//   - A file that cannot be read or fails validation gives the defaults, except the
//     kiosk id and hub settings, which come from identity.json. With no identity saved
//     yet, KioskID is "" (the event log then continues the id its database keeps, or
//     makes a unique one) and upload is off.
//
// warnings are in Chinese, for the staff panel (and the log). err is the English detail
// of a broken file for the process log; the Config is usable even then.
func LoadForKiosk(path, dataDirOverride string) (Config, []string, error) {
	c, loadErr := Load(path)
	var warnings []string
	defined := map[string]bool{}
	if loadErr == nil && path != "" {
		defined = definedKeys(path)
	}
	if loadErr != nil {
		partial := Default()
		toml.DecodeFile(path, &partial) // a file that parses but fails validation still names its data_dir
		c = Default()
		c.DataDir = partial.DataDir
	}
	if dataDirOverride != "" {
		c.DataDir = dataDirOverride
	}
	if c.DataDir == "" {
		c.DataDir = DefaultDataDir()
	}

	saved, idErr := readIdentity(c.DataDir)
	if idErr != nil && !errors.Is(idErr, os.ErrNotExist) {
		warnings = append(warnings, "本机身份文件（"+IdentityFile+"）损坏，无法核对本机编号；已按配置文件运行。请联系技术人员检查数据目录。")
	}
	have := idErr == nil

	if loadErr != nil {
		if have {
			c.KioskID, c.Sync.HubURL, c.Sync.Token = saved.KioskID, saved.HubURL, saved.Token
			warnings = append(warnings, fmt.Sprintf("配置文件无法使用，本机沿用上次的编号“%s”和上传设置，其他设置暂用默认值。"+
				"请联系技术人员修好配置文件（%s）。", saved.KioskID, path))
		} else {
			c.KioskID, c.Sync = "", Sync{}
			warnings = append(warnings, fmt.Sprintf("配置文件无法使用，且本机还没有保存过编号：暂不上传，记录沿用已有的编号保存在本机。"+
				"请联系技术人员修好配置文件（%s）。", path))
		}
		return c, warnings, loadErr
	}

	if have && !defined["kiosk_id"] {
		c.KioskID = saved.KioskID // a file without kiosk_id does not fall back to "kiosk-01"
	}
	if have && saved.KioskID != c.KioskID {
		warnings = append(warnings, fmt.Sprintf("本机编号已由“%s”改为“%s”（配置文件已修改）。之前的记录保留原编号，"+
			"请用“导出到U盘”带到区办公室；区办公室需登记新编号。", saved.KioskID, c.KioskID))
	}
	if !have || saved.KioskID != c.KioskID || saved.HubURL != c.Sync.HubURL || saved.Token != c.Sync.Token {
		id := Identity{KioskID: c.KioskID, HubURL: c.Sync.HubURL, Token: c.Sync.Token, Saved: time.Now().UTC()}
		if err := writeIdentity(c.DataDir, id); err != nil {
			warnings = append(warnings, "无法在数据目录保存本机编号（磁盘已满或没有写权限？）。请联系技术人员。")
			return c, warnings, err
		}
	}
	return c, warnings, nil
}

// definedKeys lists the top-level keys and tables a (valid) file sets.
func definedKeys(path string) map[string]bool {
	var raw map[string]any
	out := map[string]bool{}
	if _, err := toml.DecodeFile(path, &raw); err == nil {
		for k := range raw {
			out[k] = true
		}
	}
	return out
}

func readIdentity(dataDir string) (Identity, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, IdentityFile))
	if err != nil {
		return Identity{}, err
	}
	var id Identity
	if err := json.Unmarshal(b, &id); err != nil || id.KioskID == "" {
		return Identity{}, fmt.Errorf("%s: not a kiosk identity: %v", IdentityFile, err)
	}
	return id, nil
}

func writeIdentity(dataDir string, id Identity) error {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("save kiosk identity: %w", err)
	}
	b, err := json.MarshalIndent(id, "", "  ")
	if err != nil {
		return fmt.Errorf("save kiosk identity: %w", err)
	}
	// 0600: it holds the upload token.
	if err := atomicfile.WriteFile(filepath.Join(dataDir, IdentityFile), append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("save kiosk identity: %w", err)
	}
	return nil
}
