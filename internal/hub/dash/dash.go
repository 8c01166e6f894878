// Package dash is the hub's web dashboard for the district office: a login with the admin
// password (bcrypt hash in the hub's settings), and pages of charts and tables over the
// hub's store (overview across bases and kiosks, kiosk health, visits, zone dwell, quiz
// accuracy per question and age band, learning gain, group results, the responses chosen
// in 情景体验 per age band), each with a date
// range and kiosk filter and an Excel export of its tables.
//
// Everything it serves is embedded: the page templates, the stylesheet, a small script
// that draws the charts with the vendored Apache ECharts (static/echarts.min.js) and the
// bundled Noto Sans SC font; it works without the internet. Pages are in pages.go; a new
// one is an entry in Pages.
package dash

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/assets/fonts"
	"github.com/jindu-edu/kiosk/internal/hub"
)

// Prefix is where the dashboard lives on the hub.
const Prefix = "/dash/"

// DefaultSessionLife is how long a login lasts.
const DefaultSessionLife = 8 * time.Hour

//go:embed static templates
var files embed.FS

// Dashboard serves the pages under Prefix. Set the fields, then serve it.
type Dashboard struct {
	Store hub.Store
	// InsecureCookies drops the Secure attribute of the session cookie, for a hub reached
	// over plain HTTP on a trusted office network (browsers keep Secure cookies only over
	// HTTPS, and on localhost).
	InsecureCookies bool
	SessionLife     time.Duration    // default DefaultSessionLife
	Now             func() time.Time // default time.Now
	Logger          *slog.Logger     // default slog.Default()
	// Scenes names the 情景体验 scenes, steps and responses (nil: the page shows ids).
	Scenes *SceneLabels

	sessions sessions
}

var pageTmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"cell":    cellText,
	"numeric": numeric,
	"json": func(v any) (string, error) {
		b, err := json.Marshal(v)
		return string(b), err
	},
}).ParseFS(files, "templates/*.html"))

func (d *Dashboard) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dashboard) log() *slog.Logger {
	if d.Logger != nil {
		return d.Logger
	}
	return slog.Default()
}

// securityHeaders are on every answer: no framing, no sniffing, scripts only from the hub.
func securityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
		"img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
}

// ServeHTTP routes:
//
//	GET  /dash/static/…        embedded script, stylesheet, font (no login)
//	GET  /dash/login, POST /dash/login, POST /dash/logout
//	GET  /dash/{page}?from=&to=&kiosk=[&format=xlsx]   (login)
func (d *Dashboard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	securityHeaders(w)
	rest, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		http.Redirect(w, r, Prefix, http.StatusSeeOther)
		return
	}
	switch {
	case strings.HasPrefix(rest, "static/"):
		d.static(w, r, strings.TrimPrefix(rest, "static/"))
		return
	case rest == "login":
		d.login(w, r)
		return
	case rest == "logout":
		d.logout(w, r)
		return
	}
	for _, p := range Pages {
		if p.Path == rest {
			d.page(w, r, p)
			return
		}
	}
	http.NotFound(w, r)
}

func (d *Dashboard) static(w http.ResponseWriter, r *http.Request, name string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "请使用 GET", http.StatusMethodNotAllowed)
		return
	}
	var data []byte
	var ctype string
	switch name {
	case "font.otf":
		data, ctype = fonts.Regular, "font/otf"
	case "echarts.min.js", "dash.js":
		data, _ = fs.ReadFile(files, "static/"+name)
		ctype = "text/javascript; charset=utf-8"
	case "dash.css":
		data, _ = fs.ReadFile(files, "static/dash.css")
		ctype = "text/css; charset=utf-8"
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// current is the session of the request, if it is logged in.
func (d *Dashboard) current(r *http.Request) (session, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return session{}, false
	}
	return d.sessions.get(c.Value, d.now())
}

func (d *Dashboard) cookie(name, value string, maxAge int, path string) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: path, MaxAge: maxAge, HttpOnly: true,
		Secure: !d.InsecureCookies, SameSite: http.SameSiteStrictMode}
}

type loginData struct {
	CSRF, Error string
	NoPassword  bool
}

func (d *Dashboard) login(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		d.loginForm(w, r, "", http.StatusOK)
	case http.MethodPost:
		r.Body = http.MaxBytesReader(w, r.Body, 4096)
		c, err := r.Cookie(loginCookie)
		if err != nil || !sameOrigin(r) || !equalTokens(r.PostFormValue(csrfField), c.Value) {
			d.loginForm(w, r, "登录页面已过期，请重新输入密码。", http.StatusForbidden)
			return
		}
		if !d.sessions.allowLogin(d.now()) {
			d.loginForm(w, r, "密码错误次数过多，请一分钟后再试。", http.StatusTooManyRequests)
			return
		}
		ok, err := checkPassword(r.Context(), d.Store, r.PostFormValue("password"))
		if err != nil {
			d.log().Error("dashboard login: read the password hash", "err", err)
			d.loginForm(w, r, "数据库读取失败，请联系管理员查看 kiosk-hub 日志。", http.StatusInternalServerError)
			return
		}
		if !ok {
			d.sessions.failed()
			d.log().Warn("dashboard login failed", "remote", r.RemoteAddr)
			d.loginForm(w, r, "密码不正确。", http.StatusUnauthorized)
			return
		}
		life := d.SessionLife
		if life <= 0 {
			life = DefaultSessionLife
		}
		token, _ := d.sessions.create(d.now(), life)
		http.SetCookie(w, d.cookie(sessionCookie, token, int(life/time.Second), Prefix))
		http.SetCookie(w, d.cookie(loginCookie, "", -1, Prefix+"login"))
		d.log().Info("dashboard login", "remote", r.RemoteAddr)
		http.Redirect(w, r, Prefix, http.StatusSeeOther)
	default:
		http.Error(w, "请使用 GET 或 POST", http.StatusMethodNotAllowed)
	}
}

func (d *Dashboard) loginForm(w http.ResponseWriter, r *http.Request, msg string, code int) {
	token := randomToken()
	http.SetCookie(w, d.cookie(loginCookie, token, 3600, Prefix+"login"))
	_, err := d.Store.Setting(r.Context(), PasswordSetting)
	data := loginData{CSRF: token, Error: msg, NoPassword: errors.Is(err, hub.ErrNotFound)}
	d.render(w, code, "login.html", data)
}

func (d *Dashboard) logout(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "请使用 POST", http.StatusMethodNotAllowed)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	sess, ok := d.current(r)
	if ok && sameOrigin(r) && equalTokens(r.PostFormValue(csrfField), sess.csrf) {
		c, _ := r.Cookie(sessionCookie)
		d.sessions.end(c.Value)
	} else if ok {
		http.Error(w, "请求无效，请刷新页面后再退出。", http.StatusForbidden)
		return
	}
	http.SetCookie(w, d.cookie(sessionCookie, "", -1, Prefix))
	http.Redirect(w, r, Prefix+"login", http.StatusSeeOther)
}

// pageData is what layout.html renders.
type pageData struct {
	Nav     []navItem
	View    view
	Filter  hub.Filter
	Kiosks  []string
	CSRF    string
	Query   template.URL // the filter as a query string, for links and the export (url.Values.Encode: safe)
	Error   string
	Updated time.Time
}

type navItem struct {
	Href, Title string
	Current     bool
}

func (d *Dashboard) page(w http.ResponseWriter, r *http.Request, p page) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "请使用 GET", http.StatusMethodNotAllowed)
		return
	}
	sess, ok := d.current(r)
	if !ok {
		http.Redirect(w, r, Prefix+"login", http.StatusSeeOther)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	data := pageData{CSRF: sess.csrf, Updated: d.now()}
	for _, q := range Pages {
		data.Nav = append(data.Nav, navItem{Href: Prefix + q.Path, Title: q.Title, Current: q.Path == p.Path})
	}
	ctx, cancel := context.WithTimeout(r.Context(), 60*time.Second)
	defer cancel()
	if ks, err := d.Store.Kiosks(ctx); err == nil {
		for _, k := range ks {
			data.Kiosks = append(data.Kiosks, k.ID)
		}
	}
	f, err := hub.ParseFilter(r.URL.Query())
	code := http.StatusOK
	if err != nil {
		data.Error = "日期格式不对（应为 年-月-日，且开始不晚于结束）：已显示全部日期。"
		f, code = hub.Filter{}, http.StatusBadRequest
	}
	data.Filter = f
	q := url.Values{}
	for k, v := range map[string]string{"from": f.From, "to": f.To, "kiosk": f.KioskID} {
		if v != "" {
			q.Set(k, v)
		}
	}
	data.Query = template.URL(q.Encode()) //nolint:gosec // url.Values.Encode escapes every value
	v, err := p.build(ctx, d, f)
	if err != nil {
		d.log().Error("dashboard page", "page", p.Title, "err", err)
		data.View = view{Title: p.Title}
		data.Error = "读取数据失败：" + err.Error() + "。请检查数据库连接后刷新。"
		d.render(w, http.StatusInternalServerError, "layout.html", data)
		return
	}
	if r.URL.Query().Get("format") == "xlsx" {
		d.excel(w, v, f)
		return
	}
	data.View = v
	d.render(w, code, "layout.html", data)
}

func (d *Dashboard) render(w http.ResponseWriter, code int, name string, data any) {
	var buf bytes.Buffer
	if err := pageTmpl.ExecuteTemplate(&buf, name, data); err != nil {
		d.log().Error("dashboard template", "name", name, "err", err)
		http.Error(w, "页面生成失败", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes()) //nolint:errcheck // the client went away
}
