package pack

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
)

// Code says why a pack was refused; each code has a Chinese sentence for staff.
type Code int

// Reasons a pack is refused. The order is not significant; the numbers are not stored.
const (
	CodeUnreadable   Code = iota + 1 // not a zip, truncated, unsupported compression, read error
	CodeUnsigned                     // no manifest.sig
	CodeUnknownKey                   // signed by a key this kiosk does not trust
	CodeBadSignature                 // the signature does not match the manifest (tampered)
	CodeManifest                     // manifest.json missing, too big or malformed
	CodeBadPath                      // absolute path, "..", backslash, empty or odd name
	CodeNotRegular                   // symlink, device, pipe or other non-regular file
	CodeDuplicate                    // the same name twice, or names differing only in case
	CodeExtraFile                    // a file in the archive that the manifest does not list
	CodeMissingFile                  // a file the manifest lists that the archive lacks
	CodeSize                         // a file's size differs from the manifest
	CodeHash                         // a file's sha256 differs from the manifest
	CodeBudget                       // more files or bytes than this kiosk allows
	CodeRatio                        // compressed too well: probably a zip bomb
	CodeTarget                       // the pack is meant for other kiosks
	CodeNotNewer                     // version not above the installed one
	CodeAppTooOld                    // the kiosk software is older than the pack needs
	CodeContent                      // the content or quiz bank inside has errors
	CodeNoPrevious                   // rollback asked but no previous pack is kept
	CodeBusy                         // another install is running
	CodeIO                           // writing to the kiosk's disk failed
	CodeKind                         // an app pack where a content pack belongs, or the reverse
	CodePlatform                     // an app pack for another operating system or processor
	CodeAppTooNew                    // the kiosk software is newer than the pack allows
	CodeProgram                      // the program in an app pack does not start or names another version
)

var codeText = map[Code]string{
	CodeUnreadable:   "文件无法读取或已损坏，请重新拷贝",
	CodeUnsigned:     "内容包没有签名，请先用 kioskctl pack sign 签名",
	CodeUnknownKey:   "签名密钥不受本机信任，请使用已登记的密钥签名或在配置中加入该公钥",
	CodeBadSignature: "签名校验失败，内容包可能被改动过，请重新生成",
	CodeManifest:     "清单 manifest.json 缺失或格式错误",
	CodeBadPath:      "文件路径不安全（绝对路径、“..”或非法字符）",
	CodeNotRegular:   "包含链接或特殊文件，只允许普通文件",
	CodeDuplicate:    "文件名重复（或仅大小写不同）",
	CodeExtraFile:    "包含清单中没有的文件",
	CodeMissingFile:  "缺少清单中列出的文件",
	CodeSize:         "文件大小与清单不符，内容包可能损坏",
	CodeHash:         "文件内容与清单不符（校验值不同），内容包可能损坏或被改动",
	CodeBudget:       "文件数量或总大小超过本机上限",
	CodeRatio:        "压缩比异常（疑似压缩炸弹）",
	CodeTarget:       "此内容包不是为本机制作的",
	CodeNotNewer:     "版本不比已安装的新",
	CodeAppTooOld:    "本机软件版本过低，请先升级展项软件",
	CodeContent:      "内容检查未通过",
	CodeNoPrevious:   "没有可恢复的上一版本",
	CodeBusy:         "另一个安装正在进行，请稍后再试",
	CodeIO:           "写入本机磁盘失败（磁盘已满或损坏？）",
	CodeKind:         "包的类型不符：程序更新包只能作为程序更新安装，内容包只能作为内容安装",
	CodePlatform:     "此程序更新包不适用于本机的操作系统或处理器类型，请使用为本机制作的更新包",
	CodeAppTooNew:    "本机软件版本高于此包允许的范围，请使用新的包",
	CodeProgram:      "更新包中的程序无法在本机运行或版本不符，请重新制作更新包",
}

// Text is the Chinese sentence for c.
func (c Code) Text() string {
	if t, ok := codeText[c]; ok {
		return t
	}
	return "未知错误"
}

// Error is every refusal this package returns: a code, the file it concerns (a path inside
// the pack, or the pack file itself) and English detail for logs. Error() is Chinese first.
type Error struct {
	Code   Code
	File   string
	Detail string
	Err    error // underlying cause, if any
}

func (e *Error) Error() string {
	s := e.Code.Text()
	if e.File != "" {
		s = e.File + "：" + s
	}
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is(err, &Error{Code: CodeHash}) match on the code alone.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && t.File == "" && t.Detail == "" && t.Err == nil
}

func fail(c Code, file, format string, args ...any) *Error {
	return &Error{Code: c, File: file, Detail: fmt.Sprintf(format, args...)}
}

func wrapErr(c Code, file string, err error) *Error {
	return &Error{Code: c, File: file, Err: err}
}

// CodeOf returns the code of the first *Error in err's chain, or 0.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// Message is what the staff panel shows for err, in Chinese: the file concerned, the reason
// and, in brackets, English detail for the office. It accepts any error.
func Message(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Error()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "安装已取消，原有内容未改变"
	}
	return "出错：" + err.Error()
}

// named fills in the pack's file name on an *Error that concerns the pack as a whole.
func named(err error, path string) error {
	var e *Error
	if errors.As(err, &e) && e.File == "" {
		e.File = filepath.Base(path)
	}
	return err
}
