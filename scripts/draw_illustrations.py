#!/usr/bin/env python3
"""Draw the kiosk's flat illustrations and zone icons as SVG files.

Writes the zone icons to assets/content/media/icons/ (small SVGs the kiosk draws
directly) and the illustrations to assets/art/img/ (SVG sources, not embedded:
`kioskctl media render assets/art/img assets/content/media/img` turns them into
the PNGs the kiosk shows, because rasterising a detailed SVG costs about 200 ms on
the UI thread). Deterministic and re-runnable: `python3 scripts/draw_illustrations.py`
(or `make art`). Standard library only.

The SVG subset is kept to what Fyne's renderer (oksvg) draws reliably: svg, g
(translate / rotate / two-argument scale), rect, circle, ellipse, line, polyline,
polygon, path (absolute M L C Q A Z), linear/radial gradients in defs, fill,
stroke, stroke-width, linecap/linejoin and opacity. No text, CSS, filters,
masks, clip paths, <use> or images. Two oksvg quirks are respected: it reads
`scale(s)` with one argument as scale(s, 0), so scale() here always gets two
numbers; and it only rounds a rect's corners when both rx and ry are set.
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MEDIA = os.path.normpath(os.path.join(HERE, '..', 'assets', 'content', 'media'))
ART = os.path.normpath(os.path.join(HERE, '..', 'assets', 'art'))

# ---------------------------------------------------------------- palette
NAVY = '#0D2747'
NAVY2 = '#1E3A5F'
AMBER = '#C98A2E'
GOLD = '#F2B233'
RED = '#D8453E'
PURPLE = '#7E4FA8'
TEAL = '#14A39A'
CREAM = '#F3EEE6'
PAPER = '#FFFDF7'
WHITE = '#FFFFFF'
GREY1 = '#E4DED4'
GREY2 = '#C9C2B6'
GREY3 = '#9A948A'
GREY4 = '#5E5A55'
INK = '#2A3550'
GREEN = '#5DB35A'
GREEN2 = '#3E8E41'
LEAF = '#7CBF5A'
BLUE = '#3F7CC0'
SKY = '#CFE3EA'
ICE = '#7FA6B3'
ORANGE = '#EE8A35'
PINK = '#E86A8E'
BROWN = '#6B4226'
SKIN = ['#F2C9A0', '#E0AE82', '#C68E63']
HAIR = ['#3A2A20', '#5A3A22', '#1F1B1A', '#8A5A33']

BG_HIST = '#ECDFC8'   # pale amber stage behind history scenes
BG_CASE = '#E7DEF0'   # pale purple stage behind case scenes
BG_DRUG = '#E6E0D6'   # neutral plinth for specimens
BG_DISG = '#EFE3DD'   # pale rose for disguise items


def _rgb(c):
    c = c.lstrip('#')
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _hex(r, g, b):
    return '#%02X%02X%02X' % (max(0, min(255, int(round(r)))),
                              max(0, min(255, int(round(g)))),
                              max(0, min(255, int(round(b)))))


def dark(c, k=0.32):
    r, g, b = _rgb(c)
    return _hex(r * (1 - k), g * (1 - k), b * (1 - k))


def light(c, k=0.5):
    r, g, b = _rgb(c)
    return _hex(r + (255 - r) * k, g + (255 - g) * k, b + (255 - b) * k)


def mix(a, b, t):
    ra, ga, ba = _rgb(a)
    rb, gb, bb = _rgb(b)
    return _hex(ra + (rb - ra) * t, ga + (gb - ga) * t, ba + (bb - ba) * t)


# ---------------------------------------------------------------- elements
def fmt(v):
    if isinstance(v, float):
        s = ('%.1f' % v).rstrip('0').rstrip('.')
        return '0' if s in ('-0', '') else s
    return str(v)


def E(tag, **a):
    parts = []
    for k, v in a.items():
        if v is None:
            continue
        parts.append('%s="%s"' % (k.replace('_', '-'), fmt(v)))
    return '<%s %s/>' % (tag, ' '.join(parts))


def S(fill=None, stroke='auto', sw=4, k=0.32, **extra):
    """Style: fill plus (by default) a darker outline of the same hue."""
    d = {'fill': fill if fill else 'none'}
    if stroke == 'auto':
        stroke = dark(fill, k) if (fill and fill.startswith('#')) else None
    if stroke:
        d['stroke'] = stroke
        d['stroke_width'] = sw
    d.update(extra)
    return d


def F(fill, **extra):
    """Flat fill, no outline."""
    return S(fill, stroke=None, **extra)


def L(stroke, sw=4, **extra):
    """Line only."""
    d = {'fill': 'none', 'stroke': stroke, 'stroke_width': sw}
    d.update(extra)
    return d


def rect(x, y, w, h, rx=0, **st):
    # oksvg only rounds corners when both rx and ry are given
    return E('rect', x=x, y=y, width=w, height=h, rx=rx if rx else None, ry=rx if rx else None, **st)


def circ(cx, cy, r, **st):
    return E('circle', cx=cx, cy=cy, r=r, **st)


def ell(cx, cy, rx, ry, **st):
    return E('ellipse', cx=cx, cy=cy, rx=rx, ry=ry, **st)


def line(x1, y1, x2, y2, **st):
    return E('line', x1=x1, y1=y1, x2=x2, y2=y2, **st)


def _pts(pts):
    return ' '.join('%s,%s' % (fmt(float(x)), fmt(float(y))) for x, y in pts)


def poly(pts, **st):
    return E('polygon', points=_pts(pts), **st)


def pline(pts, **st):
    return E('polyline', points=_pts(pts), **st)


def path(d, **st):
    return E('path', d=d, **st)


def wave(x, y, half, amp, n):
    """Absolute-coordinate wavy line: n half-waves of width `half`, alternating up/down."""
    d = 'M%s,%s' % (fmt(float(x)), fmt(float(y)))
    for i in range(n):
        a = -amp if i % 2 == 0 else amp
        d += ' Q%s,%s %s,%s' % (fmt(float(x + half * i + half / 2.0)), fmt(float(y + a)), fmt(float(x + half * (i + 1))), fmt(float(y)))
    return d


def g(items, t=None, opacity=None):
    if isinstance(items, str):
        items = [items]
    attrs = ''
    if t:
        attrs += ' transform="%s"' % t
    if opacity is not None:
        attrs += ' opacity="%s"' % fmt(float(opacity))
    return '<g%s>%s</g>' % (attrs, ''.join(flat(items)))


def tr(x, y, s=None, r=None):
    t = 'translate(%s %s)' % (fmt(float(x)), fmt(float(y)))
    if r:
        t += ' rotate(%s)' % fmt(float(r))
    if s is not None and s != 1:
        t += ' scale(%s %s)' % (fmt(float(s)), fmt(float(s)))
    return t


def flat(items):
    out = []
    for it in items:
        if it is None:
            continue
        if isinstance(it, (list, tuple)):
            out.extend(flat(it))
        else:
            out.append(it)
    return out


class Pic:
    def __init__(self, w=800, h=600):
        self.w, self.h = w, h
        self.defs = []
        self.body = []
        self.n = 0
        self.zoom = None   # (k, cx, cy): scale the whole drawing about a point

    def add(self, *items):
        self.body.extend(flat(items))
        return self

    def grad(self, stops, x1=0, y1=0, x2=0, y2=1):
        self.n += 1
        gid = 'g%d' % self.n
        st = ''.join('<stop offset="%s" stop-color="%s"/>' % (fmt(float(o)), c) for o, c in stops)
        self.defs.append('<linearGradient id="%s" x1="%s" y1="%s" x2="%s" y2="%s">%s</linearGradient>'
                         % (gid, fmt(float(x1)), fmt(float(y1)), fmt(float(x2)), fmt(float(y2)), st))
        return 'url(#%s)' % gid

    def rgrad(self, stops, cx=0.5, cy=0.5, r=0.5):
        self.n += 1
        gid = 'g%d' % self.n
        st = ''.join('<stop offset="%s" stop-color="%s"/>' % (fmt(float(o)), c) for o, c in stops)
        self.defs.append('<radialGradient id="%s" cx="%s" cy="%s" r="%s">%s</radialGradient>'
                         % (gid, fmt(float(cx)), fmt(float(cy)), fmt(float(r)), st))
        return 'url(#%s)' % gid

    def svg(self):
        head = ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">'
                % (self.w, self.h, self.w, self.h))
        defs = '<defs>%s</defs>' % ''.join(self.defs) if self.defs else ''
        # round joins and caps everywhere, set once and inherited
        body = '<g stroke-linejoin="round" stroke-linecap="round">%s</g>' % ''.join(self.body)
        if self.zoom:
            k, cx, cy = self.zoom
            body = g(body, t='translate(%s %s) scale(%s %s) translate(%s %s)' % (
                fmt(float(cx)), fmt(float(cy)), fmt(float(k)), fmt(float(k)), fmt(float(-cx)), fmt(float(-cy))))
        return head + defs + body + '</svg>\n'


# ---------------------------------------------------------------- motifs
def shadow(cx, cy, rx, ry=None, o=0.10):
    return ell(cx, cy, rx, ry if ry else rx * 0.16, **F(NAVY, fill_opacity=o))


def stage(color, cx=400, cy=300, r=255):
    return circ(cx, cy, r, **F(color))


def olimb(pts, color, w):
    """A limb: thick line with a darker outline."""
    return [pline(pts, **L(dark(color), w + 6)), pline(pts, **L(color, w))]


ARM = {
    'down': ((34, -112), (36, -82)),
    'up': ((48, -162), (50, -198)),
    'stop': ((52, -132), (64, -160)),
    'reach': ((54, -128), (80, -130)),
    'hold': ((38, -110), (14, -102)),
    'head': ((46, -168), (20, -196)),
    'reachdown': ((52, -118), (74, -96)),
    'hip': ((52, -116), (30, -96)),
    'front': ((40, -108), (52, -92)),
}


def palm(x, y, skin, s=1.0, r=0):
    """Open palm (a stop sign gesture), centred on its heel at x,y."""
    o = []
    sk = dark(skin, 0.3)
    for fx, fh in ((-9, 17), (-3, 21), (3, 20), (9, 16)):
        o.append(rect(fx - 3, -12 - fh, 6, fh + 6, rx=3, **S(skin, sk, 2.2)))
    o.append(g(rect(-3.5, -20, 7, 22, rx=3.5, **S(skin, sk, 2.2)), t='translate(-8 -2) rotate(-42)'))
    o.append(rect(-12, -16, 24, 20, rx=8, **S(skin, sk, 2.2)))
    return g(o, t=tr(x, y, s, r))


def person(x, y, s=1.0, shirt=TEAL, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[0],
           arms=('down', 'down'), face='smile', style='short', skirt=None, vest=None,
           shoes='#2F2F3A', items=None):
    """Friendly rounded figure; feet at (x, y); ~210 units tall before scaling."""
    o = []
    if style == 'long':
        o.append(path('M-30,-190 C-40,-150 -36,-130 -26,-126 L26,-126 C36,-130 40,-150 30,-190 Z',
                      **S(hair)))
    # legs and shoes
    o.append(rect(-22, -88, 19, 86, rx=9, **S(pants)))
    o.append(rect(3, -88, 19, 86, rx=9, **S(pants)))
    o.append(ell(-15, -3, 14, 7, **S(shoes)))
    o.append(ell(15, -3, 14, 7, **S(shoes)))
    # torso (+ skirt)
    if skirt:
        o.append(path('M-30,-100 L30,-100 L40,-58 L-40,-58 Z', **S(skirt)))
    o.append(rect(-32, -154, 64, 78, rx=24, **S(shirt)))
    if vest:
        o.append(path('M-30,-136 C-30,-150 -20,-154 -12,-154 L-6,-120 L6,-120 L12,-154 '
                      'C20,-154 30,-150 30,-136 L30,-96 C30,-84 20,-78 10,-78 L-10,-78 '
                      'C-20,-78 -30,-84 -30,-96 Z', **S(vest)))
        o.append(rect(-26, -106, 52, 6, **F(WHITE, fill_opacity=0.85)))
    # arms
    hands = []
    for side, pose in ((-1, arms[0]), (1, arms[1])):
        (ex, ey), (hx, hy) = ARM[pose]
        pts = [(side * 25, -142), (side * ex, ey), (side * hx, hy)]
        o.extend(olimb(pts, shirt, 15))
        if pose == 'stop':
            hands.append(palm(side * hx, hy + 4, skin, 1.0, side * 8))
        else:
            hands.append(circ(side * hx, hy, 9.5, **S(skin, sw=3)))
    o.extend(hands)
    # head
    o.append(rect(-8, -166, 16, 16, rx=4, **S(skin, sw=3)))
    o.append(circ(0, -184, 27, **S(skin, sw=3)))
    hk = dict(**S(hair, sw=3))
    if style in ('short', 'long', 'bun', 'pony'):
        o.append(path('M-28,-180 C-32,-222 32,-222 28,-180 C22,-196 2,-202 -12,-196 C-18,-193 -24,-188 -28,-180 Z', **hk))
    if style == 'bun':
        o.append(circ(0, -214, 11, **hk))
    if style == 'pony':
        o.append(path('M24,-200 C44,-196 46,-170 36,-156 C34,-172 30,-184 22,-190 Z', **hk))
    if style == 'cap':
        o.append(path('M-28,-186 C-28,-222 28,-222 28,-186 Z', **S(vest or NAVY2, sw=3)))
        o.append(rect(-30, -190, 62, 8, rx=4, **S(vest or NAVY2, sw=3)))
    if style == 'bald':
        o.append(path('M-27,-176 C-30,-190 -26,-196 -22,-198 L-20,-178 Z', **hk))
        o.append(path('M27,-176 C30,-190 26,-196 22,-198 L20,-178 Z', **hk))
    # face
    if face:
        o.append(circ(-9, -184, 3.2, **F('#2A2A35')))
        o.append(circ(9, -184, 3.2, **F('#2A2A35')))
        if face == 'smile':
            o.append(path('M-9,-172 Q0,-164 9,-172', **L('#8A4B3A', 3)))
            o.append(circ(-16, -174, 4.5, **F('#F08A8A', fill_opacity=0.45)))
            o.append(circ(16, -174, 4.5, **F('#F08A8A', fill_opacity=0.45)))
        elif face == 'sad':
            o.append(path('M-8,-167 Q0,-174 8,-167', **L('#8A4B3A', 3)))
            o.append(path('M-15,-191 L-5,-195', **L('#2A2A35', 2.5)))
            o.append(path('M15,-191 L5,-195', **L('#2A2A35', 2.5)))
        elif face == 'flat':
            o.append(line(-7, -170, 7, -170, **L('#8A4B3A', 3)))
        elif face == 'open':
            o.append(ell(0, -170, 6, 5, **F('#8A4B3A')))
    if items:
        o.extend(flat(items))
    return g(o, t=tr(x, y, s))


def sprout(x, y, s=1.0, c1=GREEN, c2=GREEN2):
    o = [path('M0,0 C0,-30 -4,-52 0,-80', **L(c2, 8)),
         path('M0,-62 C-10,-96 -52,-104 -72,-88 C-56,-62 -22,-54 0,-62 Z', **S(c1, c2, 4)),
         path('M-6,-68 C-24,-80 -44,-84 -60,-86', **L(c2, 3)),
         path('M0,-80 C12,-118 56,-128 80,-110 C64,-80 26,-70 0,-80 Z', **S(light(c1, 0.15), c2, 4)),
         path('M6,-86 C26,-100 48,-106 68,-108', **L(c2, 3))]
    return g(o, t=tr(x, y, s))


def leaf(l, w, color, vein=True, stroke='auto'):
    o = [path('M0,0 C%s,%s %s,%s 0,%s C%s,%s %s,%s 0,0 Z' % (
        fmt(w), fmt(-l * 0.3), fmt(w * 0.6), fmt(-l * 0.8), fmt(-l),
        fmt(-w * 0.6), fmt(-l * 0.8), fmt(-w), fmt(-l * 0.3)), **S(color, stroke, 3))]
    if vein:
        o.append(line(0, -2, 0, -l * 0.85, **L(dark(color, 0.3), 2.5)))
    return o


def laurel(cx, cy, r, color=GREEN, a0=115, a1=245, n=7, lsize=1.0, both=True):
    """Two olive branches curving round a centre (UN-emblem style)."""
    o = []
    sides = (1, -1) if both else (1,)
    for side in sides:
        pts = []
        for i in range(21):
            a = math.radians(a0 + (a1 - a0) * i / 20)
            pts.append((cx + side * r * math.cos(a), cy + r * math.sin(a)))
        o.append(pline(pts, **L(dark(color, 0.25), 4)))
        for i in range(n):
            a = a0 + (a1 - a0) * (i + 0.5) / n
            ar = math.radians(a)
            px, py = cx + side * r * math.cos(ar), cy + r * math.sin(ar)
            tang = a + 90 if side == 1 else -(a + 90)
            for off in (-38, 38):
                rot = tang + off + (180 if side == 1 else 0)
                o.append(g(leaf(26 * lsize, 8 * lsize, color, vein=False),
                           t='translate(%s %s) rotate(%s)' % (fmt(px), fmt(py), fmt(float(rot)))))
    return o


def globe(cx, cy, r, sea='#4A90C8', land=GREEN, grid=True):
    o = [circ(cx, cy, r, **S(sea, sw=5))]
    # continents: soft blobs kept inside the disc
    k = r / 100.0
    blobs = [
        'M-62,-40 C-50,-66 -14,-70 -6,-52 C2,-36 -20,-30 -18,-14 C-16,4 -38,10 -46,-6 C-52,-18 -70,-22 -62,-40 Z',
        'M10,-30 C24,-46 52,-42 62,-26 C72,-10 56,2 44,-2 C34,-6 30,8 20,4 C8,0 0,-18 10,-30 Z',
        'M-10,22 C0,12 22,16 26,30 C30,48 14,70 0,70 C-12,70 -20,50 -16,38 C-14,32 -18,28 -10,22 Z',
        'M46,30 C56,24 70,30 66,42 C62,52 48,52 44,44 C42,38 40,34 46,30 Z',
    ]
    for d in blobs:
        o.append(g(path(d, **S(land, sw=3)), t=tr(cx, cy, k)))
    if grid:
        st = L(WHITE, 2.5, opacity=0.55)
        o.append(ell(cx, cy, r * 0.45, r, **st))
        o.append(line(cx, cy - r, cx, cy + r, **st))
        o.append(line(cx - r, cy, cx + r, cy, **st))
        o.append(path('M%s,%s Q%s,%s %s,%s' % (fmt(cx - r * 0.87), fmt(cy - r * 0.5), fmt(cx), fmt(cy - r * 0.62),
                                                fmt(cx + r * 0.87), fmt(cy - r * 0.5)), **st))
        o.append(path('M%s,%s Q%s,%s %s,%s' % (fmt(cx - r * 0.87), fmt(cy + r * 0.5), fmt(cx), fmt(cy + r * 0.38),
                                                fmt(cx + r * 0.87), fmt(cy + r * 0.5)), **st))
    o.append(path('M%s,%s A%s,%s 0 0 1 %s,%s' % (fmt(cx - r * 0.62), fmt(cy - r * 0.55), fmt(r * 0.8), fmt(r * 0.8),
                                                 fmt(cx - r * 0.2), fmt(cy - r * 0.86)), **L(WHITE, 5, opacity=0.6)))
    return o


def un_globe(cx, cy, r, color=BLUE, n=7):
    """Azimuthal-grid globe (UN-emblem style, generic) with laurel."""
    o = [circ(cx, cy, r, **S(light(color, 0.82), color, 5))]
    for rr in (0.3, 0.6):
        o.append(circ(cx, cy, r * rr, **L(color, 3)))
    for i in range(8):
        a = math.radians(i * 45)
        o.append(line(cx, cy, cx + r * math.cos(a), cy + r * math.sin(a), **L(color, 3)))
    o.append(path('M%s,%s C%s,%s %s,%s %s,%s C%s,%s %s,%s %s,%s Z' % (
        fmt(cx - r * 0.3), fmt(cy - r * 0.35), fmt(cx - r * 0.1), fmt(cy - r * 0.7), fmt(cx + r * 0.45), fmt(cy - r * 0.5),
        fmt(cx + r * 0.4), fmt(cy - r * 0.1), fmt(cx + r * 0.35), fmt(cy + r * 0.3), fmt(cx - r * 0.3), fmt(cy + r * 0.2),
        fmt(cx - r * 0.3), fmt(cy - r * 0.35)), **F(color, fill_opacity=0.35)))
    o += laurel(cx, cy, r * 1.22, GREEN, 110, 250, n, r / 90.0)
    return o


def star(cx, cy, ro, ri=None, n=5, rot=-90):
    ri = ri if ri else ro * 0.45
    pts = []
    for i in range(n * 2):
        rr = ro if i % 2 == 0 else ri
        a = math.radians(rot + i * 180.0 / n)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def sun(cx, cy, r, color=GOLD, rays=12):
    o = []
    for i in range(rays):
        a = math.radians(i * 360.0 / rays)
        o.append(line(cx + (r + 12) * math.cos(a), cy + (r + 12) * math.sin(a),
                      cx + (r + 30) * math.cos(a), cy + (r + 30) * math.sin(a), **L(color, 7)))
    o.append(circ(cx, cy, r, **S(color, sw=4)))
    return o


def cloud(cx, cy, s=1.0, color=WHITE, o=1.0):
    st = F(color, fill_opacity=o)
    parts = [circ(-40, 0, 26, **st), circ(-8, -18, 34, **st), circ(30, -4, 28, **st),
             rect(-66, 0, 122, 26, rx=13, **st)]
    return g(parts, t=tr(cx, cy, s))


def calendar(x, y, w, h, head=RED, mark=(4, 3), mark_color=RED, cols=7, rows=5, body=WHITE):
    o = [rect(x + 8, y + 10, w, h, rx=18, **F(NAVY, fill_opacity=0.12)),
         rect(x, y, w, h, rx=18, **S(body, GREY3, 4))]
    hh = h * 0.24
    o.append(path('M%s,%s L%s,%s A18,18 0 0 1 %s,%s L%s,%s A18,18 0 0 1 %s,%s Z' % (
        fmt(x), fmt(y + hh), fmt(x), fmt(y + 18), fmt(x + 18), fmt(y), fmt(x + w - 18), fmt(y), fmt(x + w), fmt(y + 18))
        + '', **F(head)))
    o.append(path('M%s,%s L%s,%s L%s,%s L%s,%s Z' % (fmt(x + w), fmt(y + 17), fmt(x + w), fmt(y + hh),
                                                     fmt(x), fmt(y + hh), fmt(x), fmt(y + 17)), **F(head)))
    o.append(rect(x, y, w, h, rx=18, **L(dark(head), 4)))
    for rx_ in (x + w * 0.25, x + w * 0.75):
        o.append(rect(rx_ - 7, y - 20, 14, 38, rx=7, **S(GREY2, GREY4, 3)))
    gx, gy = x + w * 0.08, y + hh + h * 0.07
    cw, ch = w * 0.84 / cols, (h - hh - h * 0.12) / rows
    for r_ in range(rows):
        for c_ in range(cols):
            cxx, cyy = gx + c_ * cw, gy + r_ * ch
            o.append(rect(cxx + 3, cyy + 3, cw - 6, ch - 6, rx=5, **F(GREY1)))
    mc, mr = mark
    mx, my = gx + mc * cw + cw / 2, gy + mr * ch + ch / 2
    o.append(rect(mx - cw / 2 + 3, my - ch / 2 + 3, cw - 6, ch - 6, rx=5, **F(light(mark_color, 0.35))))
    o.append(circ(mx, my, max(cw, ch) * 0.62, **L(mark_color, 5)))
    return o


def doc(x, y, w, h, lines=6, paper=PAPER, title=None, seal=None, fold=True, edge=GREY3, lc=GREY2):
    o = [rect(x + 8, y + 10, w, h, rx=10, **F(NAVY, fill_opacity=0.10))]
    if fold:
        f = min(w, h) * 0.18
        o.append(path('M%s,%s L%s,%s L%s,%s L%s,%s L%s,%s Z' % (
            fmt(x), fmt(y), fmt(x + w - f), fmt(y), fmt(x + w), fmt(y + f), fmt(x + w), fmt(y + h), fmt(x), fmt(y + h)),
            **S(paper, edge, 4)))
        o.append(path('M%s,%s L%s,%s L%s,%s Z' % (fmt(x + w - f), fmt(y), fmt(x + w - f), fmt(y + f), fmt(x + w), fmt(y + f)),
                      **S(GREY1, edge, 3)))
    else:
        o.append(rect(x, y, w, h, rx=10, **S(paper, edge, 4)))
    ly = y + h * 0.16
    if title:
        o.append(line(x + w * 0.22, ly, x + w * 0.78 - (min(w, h) * 0.1 if fold else 0), ly, **L(title, 9)))
        ly += h * 0.12
    step = (h * 0.78 - (ly - y)) / max(1, lines)
    for i in range(lines):
        end = x + w * (0.85 if i % 3 != 2 else 0.6)
        o.append(line(x + w * 0.14, ly + i * step, end, ly + i * step, **L(lc, 5)))
    if seal:
        o.append(circ(x + w * 0.74, y + h * 0.84, min(w, h) * 0.1, **S(seal, sw=3)))
        o.append(circ(x + w * 0.74, y + h * 0.84, min(w, h) * 0.065, **L(light(seal, 0.5), 2.5)))
    return o


def scroll_h(x, y, w, h, paper='#F7ECD2', roll='#B98A4E', lines=5, lc='#C9B28A'):
    o = [rect(x + 8, y + 12, w, h, rx=6, **F(NAVY, fill_opacity=0.10)),
         rect(x, y, w, h, rx=4, **S(paper, '#B79C6E', 4))]
    for i in range(lines):
        yy = y + h * (0.2 + 0.13 * i)
        o.append(line(x + w * 0.12, yy, x + w * (0.88 if i % 2 == 0 else 0.7), yy, **L(lc, 5)))
    for rx_ in (x - 14, x + w - 14):
        o.append(rect(rx_, y - 16, 28, h + 32, rx=14, **S(roll)))
        o.append(rect(rx_ + 6, y - 10, 6, h + 20, rx=3, **F(light(roll, 0.35))))
    return o


def scroll_v(x, y, w, h, paper='#F7ECD2', roll='#8E5B34', lines=6, lc='#C9B28A'):
    o = [rect(x + 10, y + 12, w, h, rx=6, **F(NAVY, fill_opacity=0.10)),
         rect(x, y, w, h, rx=4, **S(paper, '#B79C6E', 4))]
    for i in range(lines):
        xx = x + w * (0.82 - 0.12 * i)
        o.append(line(xx, y + h * 0.12, xx, y + h * (0.78 if i % 2 == 0 else 0.62), **L(lc, 6)))
    for ry_ in (y - 14, y + h - 14):
        o.append(rect(x - 22, ry_, w + 44, 28, rx=14, **S(roll)))
        o.append(circ(x - 22, ry_ + 14, 12, **S(dark(roll, 0.1))))
        o.append(circ(x + w + 22, ry_ + 14, 12, **S(dark(roll, 0.1))))
    return o


def book(x, y, w, h, cover=RED, pages='#FBF6EA', emblem=None, thick=22):
    """Closed book, front cover facing us, page block visible on the right/bottom."""
    o = [rect(x + 10, y + 14, w + thick, h + 6, rx=12, **F(NAVY, fill_opacity=0.12)),
         path('M%s,%s L%s,%s L%s,%s L%s,%s Z' % (fmt(x + 10), fmt(y + 6), fmt(x + w + thick - 4), fmt(y + 6),
                                                 fmt(x + w + thick - 4), fmt(y + h + thick * 0.5), fmt(x + 10), fmt(y + h + thick * 0.5)),
              **S(pages, GREY3, 3))]
    for i in range(1, 4):
        xx = x + w + thick * (0.25 * i) - 4
        o.append(line(xx, y + 14, xx, y + h + 2, **L(GREY2, 2)))
    o.append(rect(x, y, w, h, rx=12, **S(cover, sw=4)))
    o.append(rect(x + 14, y, 12, h, **F(dark(cover, 0.15))))
    o.append(rect(x + 40, y + 26, w - 66, h - 52, rx=8, **L(light(cover, 0.45), 3)))
    if emblem:
        o.extend(emblem)
    return o


def gavel(x, y, s=1.0, r=-35, wood='#9A6235', block=True):
    o = []
    if block:
        o.append(ell(0, 60, 74, 16, **S(dark(wood, 0.15), sw=4)))
        o.append(rect(-74, 44, 148, 16, **F(dark(wood, 0.15))))
        o.append(ell(0, 44, 74, 16, **S(light(wood, 0.2), sw=4)))
    head = [rect(-70, -34, 140, 56, rx=16, **S(wood, sw=4)),
            rect(-82, -40, 22, 68, rx=8, **S(dark(wood, 0.1), sw=4)),
            rect(60, -40, 22, 68, rx=8, **S(dark(wood, 0.1), sw=4)),
            rect(-10, 18, 20, 150, rx=10, **S(light(wood, 0.1), sw=4)),
            rect(-52, -26, 90, 8, rx=4, **F(light(wood, 0.35)))]
    o.append(g(head, t='translate(10 -30) rotate(%s)' % fmt(float(r))))
    return g(o, t=tr(x, y, s))


def scales(x, y, s=1.0, metal='#D9A441', tilt=0):
    """Scale of justice; (x, y) is the bottom centre of the base."""
    o = [ell(0, -10, 90, 16, **S(dark(metal, 0.1), sw=4)),
         rect(-14, -250, 28, 236, rx=10, **S(metal, sw=4)),
         circ(0, -262, 18, **S(metal, sw=4))]
    by = -232
    ang = math.radians(tilt)
    ends = []
    for side in (-1, 1):
        ex, ey = side * 150 * math.cos(ang), by + side * 150 * math.sin(ang)
        ends.append((ex, ey))
    o.append(line(ends[0][0], ends[0][1], ends[1][0], ends[1][1], **L(dark(metal, 0.2), 16)))
    o.append(line(ends[0][0], ends[0][1], ends[1][0], ends[1][1], **L(metal, 9)))
    for ex, ey in ends:
        py = ey + 120
        o.append(pline([(ex - 52, py), (ex, ey), (ex + 52, py)], **L(dark(metal, 0.25), 3.5)))
        o.append(path('M%s,%s L%s,%s C%s,%s %s,%s %s,%s Z' % (
            fmt(ex - 62), fmt(py), fmt(ex + 62), fmt(py), fmt(ex + 56), fmt(py + 36), fmt(ex - 56), fmt(py + 36),
            fmt(ex - 62), fmt(py)), **S(metal, sw=4)))
        o.append(circ(ex, ey, 8, **S(dark(metal, 0.1), sw=3)))
    return g(o, t=tr(x, y, s))


def shield_path(cx, top, w, h):
    hw = w / 2.0
    return ('M%s,%s L%s,%s L%s,%s C%s,%s %s,%s %s,%s C%s,%s %s,%s %s,%s L%s,%s Z' % (
        fmt(cx), fmt(top), fmt(cx + hw), fmt(top + h * 0.13), fmt(cx + hw), fmt(top + h * 0.45),
        fmt(cx + hw), fmt(top + h * 0.76), fmt(cx + w * 0.22), fmt(top + h * 0.92), fmt(cx), fmt(top + h),
        fmt(cx - w * 0.22), fmt(top + h * 0.92), fmt(cx - hw), fmt(top + h * 0.76), fmt(cx - hw), fmt(top + h * 0.45),
        fmt(cx - hw), fmt(top + h * 0.13)))


def shield(cx, top, w, h, fill=TEAL, rim=WHITE, stroke=None):
    o = [path(shield_path(cx + 8, top + 12, w, h), **F(NAVY, fill_opacity=0.12)),
         path(shield_path(cx, top, w, h), **S(fill, stroke or dark(fill, 0.3), 6))]
    if rim:
        o.append(path(shield_path(cx, top + h * 0.06, w * 0.84, h * 0.86), **L(rim, 5, opacity=0.8)))
    return o


def no_sign(cx, cy, r, w=None, color=RED):
    w = w if w else r * 0.2
    d = r - w / 2.0
    a = math.radians(45)
    return [circ(cx, cy, r - w / 2.0, **L(WHITE, w + 10, opacity=0.7)),
            circ(cx, cy, d, **L(color, w)),
            line(cx - d * math.cos(a), cy - d * math.sin(a), cx + d * math.cos(a), cy + d * math.sin(a),
                 **dict(L(color, w), stroke_linecap='butt'))]


def warn(cx, cy, s=1.0, fill=GOLD, edge=RED, mark=NAVY):
    """Warning triangle with an exclamation mark drawn from shapes."""
    o = [poly([(0, -62), (64, 50), (-64, 50)], **S(fill, edge, 12)),
         rect(-7, -28, 14, 48, rx=7, **F(mark)),
         circ(0, 34, 8, **F(mark))]
    return g(o, t=tr(cx, cy, s))


def ecig(x, y, length=300, r=0, body=('#6C5CE7', '#E86A8E'), p=None, sparkle=False, s=None):
    """A pod-style e-cigarette drawn horizontally, then rotated; mouthpiece at +x."""
    h = 58
    fillc = p.grad([(0, body[0]), (1, body[1])], 0, 0, 1, 0) if p else body[0]
    o = [rect(0, -h / 2.0, length, h, rx=24, **S(fillc, dark(body[0], 0.35), 4)),
         rect(length * 0.08, -h / 2.0 + 8, length * 0.6, 9, rx=4.5, **F(WHITE, fill_opacity=0.45)),
         path('M%s,%s L%s,%s C%s,%s %s,%s %s,%s L%s,%s Z' % (
             fmt(length - 6), fmt(-h * 0.38), fmt(length + 58), fmt(-h * 0.2), fmt(length + 70), fmt(-h * 0.18),
             fmt(length + 70), fmt(h * 0.18), fmt(length + 58), fmt(h * 0.2), fmt(length - 6), fmt(h * 0.38)),
             **S('#3A3F55', sw=4)),
         rect(length * 0.72, -h / 2.0 + 6, length * 0.2, h - 12, rx=8, **S('#B9E4F5', '#5D8FA8', 3)),
         rect(length * 0.74, 0, length * 0.16, h / 2.0 - 8, rx=5, **F('#7FD1E8')),
         circ(length * 0.16, 6, 6, **S('#9BF6C8', '#2E9E6A', 2.5))]
    for i in range(3):
        o.append(line(length * (0.3 + i * 0.06), -6, length * (0.3 + i * 0.06), 14, **L(dark(body[0], 0.2), 3.5)))
    if sparkle:
        for sx, sy, sr in ((length * 0.4, -h * 0.9, 12), (length * 0.05, h * 0.95, 9), (length * 0.95, -h * 1.05, 10)):
            o.append(poly(star(sx, sy, sr, sr * 0.3, 4, -90), **F(GOLD)))
    return g(o, t=tr(x, y, s, r))


def capsule(cx, cy, w, h, c1=RED, c2=WHITE, r=0):
    """Two-piece capsule: the c2 half slides over the c1 half."""
    rr = h / 2.0
    x0 = -w / 2.0
    o = [rect(x0, -rr, w / 2.0 + rr, h, rx=rr, **S(c1, sw=4)),
         rect(-rr * 0.3, -rr - 2, w / 2.0 + rr * 0.3, h + 4, rx=rr + 2, **S(c2, GREY3 if c2 == WHITE else 'auto', 4)),
         line(x0 + rr * 0.6, -rr * 0.45, -rr * 0.8, -rr * 0.45, **L(WHITE, 6, opacity=0.55)),
         line(rr * 0.4, -rr * 0.5, w / 2.0 - rr * 0.6, -rr * 0.5, **L(WHITE if c2 != WHITE else GREY1, 6, opacity=0.7))]
    return g(o, t=tr(cx, cy, None, r))


def tablet(cx, cy, r, color, emboss=None, side=False):
    o = []
    if side:
        o.append(ell(cx, cy + r * 0.18, r, r * 0.62, **S(dark(color, 0.12), sw=3.5)))
    o.append(ell(cx, cy, r, r * 0.62 if side else r, **S(color, sw=3.5)))
    ek = L(dark(color, 0.22), 3.5)
    ry = 0.62 if side else 1.0
    if emboss == 'line':
        o.append(line(cx - r * 0.6, cy, cx + r * 0.6, cy, **ek))
    elif emboss == 'star':
        pts = [(cx + (px - cx), cy + (py - cy) * ry) for px, py in star(cx, cy, r * 0.48)]
        o.append(poly(pts, **ek))
    elif emboss == 'heart':
        o.append(g(path('M0,10 C-4,7 -12,2 -12,-4 C-12,-10 -4,-12 0,-6 C4,-12 12,-10 12,-4 C12,2 4,7 0,10 Z', **ek),
                   t='translate(%s %s) scale(%s %s)' % (fmt(cx), fmt(cy), fmt(r / 26.0), fmt(r * ry / 26.0))))
    elif emboss == 'moon':
        o.append(path('M%s,%s A%s,%s 0 1 0 %s,%s A%s,%s 0 1 1 %s,%s Z' % (
            fmt(cx + r * 0.1), fmt(cy - r * 0.45 * ry), fmt(r * 0.45), fmt(r * 0.45 * ry), fmt(cx + r * 0.1),
            fmt(cy + r * 0.45 * ry), fmt(r * 0.33), fmt(r * 0.33 * ry), fmt(cx + r * 0.1), fmt(cy - r * 0.45 * ry)), **ek))
    elif emboss == 'ring':
        o.append(ell(cx, cy, r * 0.5, r * 0.5 * ry, **ek))
    elif emboss == 'drop':
        o.append(path('M%s,%s C%s,%s %s,%s %s,%s C%s,%s %s,%s %s,%s Z' % (
            fmt(cx), fmt(cy - r * 0.5 * ry), fmt(cx + r * 0.45), fmt(cy), fmt(cx + r * 0.3), fmt(cy + r * 0.45 * ry),
            fmt(cx), fmt(cy + r * 0.45 * ry), fmt(cx - r * 0.3), fmt(cy + r * 0.45 * ry), fmt(cx - r * 0.45), fmt(cy),
            fmt(cx), fmt(cy - r * 0.5 * ry)), **ek))
    o.append(path('M%s,%s A%s,%s 0 0 1 %s,%s' % (
        fmt(cx - r * 0.62), fmt(cy - r * 0.3 * ry), fmt(r * 0.7), fmt(r * 0.7 * ry), fmt(cx - r * 0.1), fmt(cy - r * 0.72 * ry)),
        **L(WHITE, 4, opacity=0.6)))
    return o


def heart_path(cx, cy, s):
    pts = [(0, 38), (-10, 28), (-48, 6), (-48, -16), (-48, -40), (-18, -50), (0, -26),
           (18, -50), (48, -40), (48, -16), (48, 6), (10, 28), (0, 38)]
    P = [(cx + px * s, cy + py * s) for px, py in pts]
    d = 'M%s,%s' % (fmt(P[0][0]), fmt(P[0][1]))
    for i in range(1, 13, 3):
        d += ' C%s,%s %s,%s %s,%s' % (fmt(P[i][0]), fmt(P[i][1]), fmt(P[i + 1][0]), fmt(P[i + 1][1]),
                                      fmt(P[i + 2][0]), fmt(P[i + 2][1]))
    return d + ' Z'


def ribbon(cx, cy, s=1.0, color=RED):
    """Awareness ribbon loop."""
    d = 'M-46,96 L8,-4 C36,-56 22,-96 0,-96 C-22,-96 -36,-56 -8,-4 L46,96'
    o = [path(d, **dict(L(dark(color, 0.3), 34), stroke_linecap='butt')),
         path(d, **dict(L(color, 26), stroke_linecap='butt')),
         path('M-6,-84 C-16,-70 -18,-50 -10,-30', **L(WHITE, 5, opacity=0.45))]
    return g(o, t=tr(cx, cy, s))


def hill(x, base, w, h, color, stroke=None):
    d = 'M%s,%s C%s,%s %s,%s %s,%s C%s,%s %s,%s %s,%s Z' % (
        fmt(x - w / 2.0), fmt(base), fmt(x - w * 0.42), fmt(base - h * 0.75), fmt(x - w * 0.2), fmt(base - h), fmt(x), fmt(base - h),
        fmt(x + w * 0.2), fmt(base - h), fmt(x + w * 0.42), fmt(base - h * 0.75), fmt(x + w / 2.0), fmt(base))
    return path(d, **(S(color, stroke, 3) if stroke else F(color)))


def karst(y, x0=20, x1=780, seed=3, scale=1.0, colors=('#BFDDB5', '#93C98A', '#6DB06A')):
    rnd = random.Random(seed)
    o = []
    for layer, col in enumerate(colors):
        x = x0 - 30 + layer * 35
        while x < x1 + 30:
            w = rnd.uniform(90, 150) * scale
            h = rnd.uniform(110, 190) * scale * (1.0 - layer * 0.18)
            o.append(hill(x, y + layer * 8, w, h, col))
            x += w * rnd.uniform(0.55, 0.8)
    return o


def building(x, base, w, h, color, win='#DCEBF5', cols=3, rows=None, roof=None):
    o = [rect(x, base - h, w, h, rx=4, **S(color, sw=3))]
    rows = rows if rows else max(1, int(h / 44))
    ww = w / (cols * 2 + 1.0)
    for r_ in range(rows):
        for c_ in range(cols):
            o.append(rect(x + ww * (1 + c_ * 2), base - h + 16 + r_ * 40, ww, 20, rx=3, **F(win)))
    if roof == 'flat':
        o.append(rect(x - 4, base - h - 8, w + 8, 10, rx=3, **S(dark(color, 0.1), sw=3)))
    return o


def house(x, base, w, h, wall='#F6E7C8', roof=RED, door=TEAL, heart=True):
    o = [rect(x, base - h, w, h, rx=4, **S(wall, GREY3, 4)),
         poly([(x - 18, base - h + 4), (x + w / 2.0, base - h - h * 0.55), (x + w + 18, base - h + 4)], **S(roof, sw=5)),
         rect(x + w * 0.4, base - h * 0.55, w * 0.2, h * 0.55, rx=6, **S(door, sw=3)),
         rect(x + w * 0.1, base - h * 0.72, w * 0.2, h * 0.25, rx=4, **S(SKY, ICE, 3)),
         rect(x + w * 0.7, base - h * 0.72, w * 0.2, h * 0.25, rx=4, **S(SKY, ICE, 3))]
    if heart:
        o.append(path(heart_path(x + w / 2.0, base - h - h * 0.16, h * 0.0025), **S(WHITE, sw=2)))
    return o


def medal(cx, cy, r, p, color=GOLD):
    o = [poly([(cx - r * 0.9, cy - r * 2.3), (cx - r * 0.2, cy - r * 2.3), (cx + r * 0.35, cy - r * 0.6), (cx - r * 0.25, cy - r * 0.45)],
              **S(RED, sw=4)),
         poly([(cx + r * 0.9, cy - r * 2.3), (cx + r * 0.2, cy - r * 2.3), (cx - r * 0.35, cy - r * 0.6), (cx + r * 0.25, cy - r * 0.45)],
              **S(BLUE, sw=4)),
         circ(cx, cy, r, **S(p.rgrad([(0, '#FFE08A'), (1, color)], 0.4, 0.35, 0.7), dark(color, 0.3), 6)),
         circ(cx, cy, r * 0.78, **L(dark(color, 0.15), 4)),
         poly(star(cx, cy, r * 0.5), **S(WHITE, dark(color, 0.25), 4))]
    return o


def sachet(cx, cy, w, h, color, r=0, band=None, icon=None):
    """Pillow pack with crimped ends and a blank label block."""
    o = [rect(-w / 2.0, -h / 2.0, w, h, rx=10, **S(color, sw=4))]
    for yy in (-h / 2.0 + 2, h / 2.0 - 14):
        o.append(rect(-w / 2.0, yy, w, 12, rx=3, **S(dark(color, 0.12), sw=3)))
        for i in range(1, 8):
            xx = -w / 2.0 + w * i / 8.0
            o.append(line(xx, yy + 2, xx, yy + 10, **L(dark(color, 0.3), 2)))
    o.append(rect(-w * 0.3, -h * 0.2, w * 0.6, h * 0.34, rx=8, **F(band or WHITE, fill_opacity=0.85)))
    if icon:
        o.extend(icon)
    o.append(line(-w * 0.38, -h * 0.3, -w * 0.38, h * 0.26, **L(WHITE, 5, opacity=0.4)))
    return g(o, t=tr(cx, cy, None, r))


def bottle(cx, base, w, h, glass='#DDEFF5', liquid='#BFE3EE', cap=NAVY2, level=0.55):
    x = cx - w / 2.0
    neck = w * 0.36
    o = [shadow(cx, base + 4, w * 0.7),
         path('M%s,%s L%s,%s C%s,%s %s,%s %s,%s L%s,%s A14,14 0 0 1 %s,%s L%s,%s A14,14 0 0 1 %s,%s L%s,%s C%s,%s %s,%s %s,%s L%s,%s Z' % (
             fmt(cx - neck / 2.0), fmt(base - h + 10), fmt(cx - neck / 2.0), fmt(base - h * 0.78),
             fmt(cx - neck / 2.0), fmt(base - h * 0.7), fmt(x), fmt(base - h * 0.72), fmt(x), fmt(base - h * 0.6),
             fmt(x), fmt(base - 14), fmt(x + 14), fmt(base), fmt(x + w - 14), fmt(base), fmt(x + w), fmt(base - 14),
             fmt(x + w), fmt(base - h * 0.6), fmt(x + w), fmt(base - h * 0.72), fmt(cx + neck / 2.0), fmt(base - h * 0.7),
             fmt(cx + neck / 2.0), fmt(base - h * 0.78), fmt(cx + neck / 2.0), fmt(base - h + 10)),
             **S(glass, ICE, 4, fill_opacity=0.85)),
         rect(cx - neck / 2.0 - 4, base - h - 22, neck + 8, 36, rx=7, **S(cap, sw=3)),
         line(cx - neck / 2.0 + 4, base - h - 10, cx + neck / 2.0 - 4, base - h - 10, **L(light(cap, 0.3), 3))]
    ly = base - h * 0.6 * level
    o.append(path('M%s,%s L%s,%s A12,12 0 0 0 %s,%s L%s,%s A12,12 0 0 0 %s,%s L%s,%s Z' % (
        fmt(x + 5), fmt(ly), fmt(x + 5), fmt(base - 16), fmt(x + 17), fmt(base - 5), fmt(x + w - 17), fmt(base - 5),
        fmt(x + w - 5), fmt(base - 16), fmt(x + w - 5), fmt(ly)), **F(liquid, fill_opacity=0.8)))
    o.append(line(x + 5, ly, x + w - 5, ly, **L(ICE, 3)))
    o.append(line(x + 16, base - h * 0.55, x + 16, base - 24, **L(WHITE, 7, opacity=0.7)))
    return o


def phone_screen(x, y, w, h):
    return rect(x, y, w, h, rx=12, **S('#2B2F45', sw=4))


def laptop(cx, base, w, screen=NAVY2, p=None):
    h = w * 0.62
    o = [shadow(cx, base + 8, w * 0.62),
         rect(cx - w / 2.0, base - h - 10, w, h, rx=14, **S('#4A5068', sw=4)),
         rect(cx - w / 2.0 + 14, base - h + 4, w - 28, h - 28, rx=6, **F(screen)),
         path('M%s,%s L%s,%s L%s,%s L%s,%s Z' % (fmt(cx - w * 0.6), fmt(base + 6), fmt(cx + w * 0.6), fmt(base + 6),
                                                 fmt(cx + w * 0.5), fmt(base - 12), fmt(cx - w * 0.5), fmt(base - 12)), **S('#9AA3B8', sw=4)),
         rect(cx - w * 0.1, base - 8, w * 0.2, 6, rx=3, **F('#6B7390'))]
    return o


def table_top(x, y, w, color='#B98A5E', legs=True, h=110):
    o = []
    if legs:
        o.append(rect(x + 20, y, 14, h, rx=5, **S(dark(color, 0.1), sw=3)))
        o.append(rect(x + w - 34, y, 14, h, rx=5, **S(dark(color, 0.1), sw=3)))
    o.append(rect(x, y - 14, w, 22, rx=8, **S(color, sw=4)))
    return o


def bg_room(p, wall1, wall2, floor, fy=430, x=40, y=40, w=720, h=520, rx=36):
    """A rounded 'window' containing a room: wall gradient and floor."""
    wall = p.grad([(0, wall1), (1, wall2)])
    o = [rect(x, y, w, h, rx=rx, **F(wall)),
         path('M%s,%s L%s,%s L%s,%s A%s,%s 0 0 1 %s,%s L%s,%s A%s,%s 0 0 1 %s,%s Z' % (
             fmt(x), fmt(fy), fmt(x + w), fmt(fy), fmt(x + w), fmt(y + h - rx), fmt(rx), fmt(rx), fmt(x + w - rx), fmt(y + h),
             fmt(x + rx), fmt(y + h), fmt(rx), fmt(rx), fmt(x), fmt(y + h - rx)), **F(floor))]
    return o


def frame_edge(x=40, y=40, w=720, h=520, rx=36, color=GREY2):
    return rect(x, y, w, h, rx=rx, **L(color, 4))


# ---------------------------------------------------------------- icons
def icon(body):
    head = '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">'
    return head + ''.join(body) + '</svg>\n'


IC = dict(fill='none', stroke=WHITE, stroke_width=6, stroke_linecap='round', stroke_linejoin='round')


def dot(x, y):
    return line(x, y - 0.5, x, y + 0.5, **dict(IC, stroke_width=8))


ICONS = {
    'history': [circ(48, 48, 38, **IC), path('M48,22 L48,50 L66,62', **IC)],
    'drugs': [rect(18, 12, 60, 72, rx=10, **IC), path('M32,34 L64,34 M32,49 L64,49 M32,64 L52,64', **IC)],
    'cases': [path('M48,82 C48,82 15,63 15,38 C15,27 23,18 33,18 C40,18 45,22 48,28 C51,22 56,18 63,18 '
                   'C73,18 81,27 81,38 C81,63 48,82 48,82 Z', **IC),
              path('M48,34 L48,54', **IC), dot(48, 65)],
    'quiz': [circ(48, 48, 38, **IC),
             path('M36,38 C36,30 42,25 48,25 C55,25 60,30 60,37 C60,44 54,46 51,49 C49,51 48,53 48,57', **IC),
             dot(48, 69)],
    'wall': [path('M14,20 L82,20 L82,64 L44,64 L26,80 L26,64 L14,64 Z', **IC), path('M30,36 L66,36 M30,48 L54,48', **IC)],
}


# ---------------------------------------------------------------- attract
def attract_welcome():
    p = Pic()
    p.add(circ(400, 300, 270, **F(p.rgrad([(0, '#E2F4EF'), (1, '#BFE6DD')]))))
    # rays
    for i in range(12):
        a = math.radians(-90 + (i - 5.5) * 15)
        p.add(line(400 + 180 * math.cos(a), 300 + 180 * math.sin(a), 400 + 250 * math.cos(a), 300 + 250 * math.sin(a),
                   **L(GOLD, 8, opacity=0.7)))
    # exhibition building behind
    p.add(rect(150, 300, 500, 200, rx=8, **S('#F6EFE2', GREY3, 5)))
    p.add(poly([(120, 304), (400, 190), (680, 304)], **S(AMBER, sw=6)))
    for i in range(6):
        x = 185 + i * 86
        p.add(rect(x, 322, 30, 160, rx=6, **S(WHITE, GREY3, 4)))
    p.add(rect(130, 480, 540, 24, rx=8, **S(GREY1, GREY3, 4)))
    # shield with sprout
    p.add(shield(400, 230, 250, 300, fill=p.grad([(0, '#2FC1B5'), (1, '#0E7C75')]), stroke=dark(TEAL, 0.35)))
    p.add(circ(400, 372, 92, **F('#F3FBF8', fill_opacity=0.92)))
    p.add(sprout(400, 440, 1.45))
    p.add(ell(400, 444, 70, 14, **S('#8A5A33', sw=4)))
    # banner
    p.add(poly([(240, 470), (290, 470), (290, 520), (240, 520), (258, 495)], **S(dark(RED, 0.15), sw=4)))
    p.add(poly([(560, 470), (510, 470), (510, 520), (560, 520), (542, 495)], **S(dark(RED, 0.15), sw=4)))
    p.add(rect(272, 456, 256, 52, rx=10, **S(RED, sw=5)))
    p.add(line(310, 482, 490, 482, **L(WHITE, 8, opacity=0.8)))
    # confetti
    rnd = random.Random(11)
    cols = [AMBER, RED, PURPLE, TEAL, GOLD, BLUE]
    for i in range(22):
        a = rnd.uniform(0, 2 * math.pi)
        rr = rnd.uniform(250, 300)
        x, y = 400 + rr * math.cos(a) * 1.25, 300 + rr * math.sin(a) * 0.9
        if not (20 < x < 780 and 20 < y < 580):
            continue
        c = cols[i % len(cols)]
        if i % 3 == 0:
            p.add(poly(star(x, y, 13, 5.5), **F(c)))
        elif i % 3 == 1:
            p.add(circ(x, y, 8, **F(c)))
        else:
            p.add(g(rect(-10, -4, 20, 8, rx=3, **F(c)), t=tr(x, y, None, rnd.randint(0, 180))))
    return p


def attract_june26():
    p = Pic()
    p.add(circ(400, 300, 275, **F(p.rgrad([(0, '#FFF1D6'), (1, '#F6D9A4')]))))
    p.add(calendar(96, 150, 300, 330, head=RED, mark=(4, 3)))
    # globe with laurel, overlapping the calendar's right
    p.add(circ(525, 300, 148, **F(WHITE, fill_opacity=0.55)))
    p.add(globe(525, 300, 116, sea='#4A90C8', land=GREEN))
    p.add(laurel(525, 300, 146, GREEN, 112, 248, 8, 1.25))
    # hands-together style small ribbons / stars
    for x, y, c, r in ((90, 100, TEAL, 16), (700, 90, PURPLE, 14), (720, 500, RED, 16), (470, 530, AMBER, 12),
                       (250, 540, BLUE, 12), (660, 540, TEAL, 10)):
        p.add(poly(star(x, y, r, r * 0.45), **F(c)))
    return p


def attract_protect():
    p = Pic()
    p.add(circ(400, 300, 275, **F(p.rgrad([(0, '#E9F3FF'), (1, '#C9DDF4')]))))
    p.add(sun(640, 120, 42, GOLD, 12))
    # threats bouncing off (grey, crossed)
    for x, y, r in ((120, 150, 40), (100, 320, 34), (690, 330, 36)):
        p.add(circ(x, y, r, **S('#B8B2C8', sw=4)))
        p.add(line(x - r * 0.45, y - r * 0.45, x + r * 0.45, y + r * 0.45, **L(RED, 7)))
        p.add(line(x + r * 0.45, y - r * 0.45, x - r * 0.45, y + r * 0.45, **L(RED, 7)))
    # big shield, translucent
    p.add(path(shield_path(400, 70, 440, 470), **S('#7FD1C8', TEAL, 10, fill_opacity=0.35)))
    p.add(path(shield_path(400, 96, 380, 410), **L(WHITE, 5, opacity=0.7)))
    p.add(ell(400, 500, 200, 18, **F(NAVY, fill_opacity=0.1)))
    # family
    p.add(person(300, 495, 1.12, shirt=BLUE, pants='#36465F', skin=SKIN[1], hair=HAIR[0], arms=('down', 'hold')))
    p.add(person(500, 495, 1.08, shirt=PURPLE, pants='#3E3552', skin=SKIN[0], hair=HAIR[1], style='long',
                 arms=('hold', 'down'), skirt='#5D3B82'))
    p.add(person(400, 500, 0.8, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[2], style='pony',
                 arms=('down', 'down'), face='smile'))
    p.add(olimb([(420, 386), (446, 376), (462, 350)], ORANGE, 12))
    p.add(palm(464, 352, SKIN[0], 1.5, 10))
    # heart above
    p.add(path(heart_path(400, 130, 0.55), **S(RED, sw=4)))
    return p


# ---------------------------------------------------------------- history
def hist(p):
    p.add(stage(BG_HIST))


def h_humen():
    p = Pic()
    hist(p)
    p.add(circ(560, 170, 46, **S('#F6C36A', sw=4)))
    # sea
    p.add(path('M430,380 C520,360 640,370 780,350 L780,470 L430,470 Z', **F('#7DB6D9')))
    for i in range(4):
        y = 392 + i * 20
        p.add(path(wave(470 + (i % 2) * 60, y, 40, 10, 3), **L(WHITE, 4, opacity=0.7)))
    # shore
    p.add(path('M20,400 C160,380 360,372 520,392 C600,402 700,420 780,430 L780,520 L20,520 Z', **F('#E3C999')))
    # fort wall with crenels + pavilion
    p.add(rect(60, 250, 260, 150, rx=4, **S('#B59A78', sw=4)))
    for i in range(9):
        p.add(rect(60 + i * 30, 234, 18, 22, rx=2, **S('#B59A78', sw=3)))
    for r_ in range(3):
        for c_ in range(6):
            x0 = 70 + c_ * 44 + (r_ % 2) * 22
            p.add(line(x0, 290 + r_ * 36, min(x0 + 30, 310), 290 + r_ * 36, **L('#9A8062', 3)))
    p.add(path('M140,400 L140,345 A30,30 0 0 1 200,345 L200,400 Z', **S('#6E5640', sw=4)))
    p.add(rect(128, 178, 104, 56, rx=4, **S('#C0392B', sw=4)))
    for i in range(3):
        p.add(rect(140 + i * 32, 190, 16, 44, rx=2, **F('#8E2A20')))
    p.add(path('M92,184 Q120,170 130,150 L230,150 Q240,170 268,184 Q250,178 240,172 L120,172 Q110,178 92,184 Z',
               **S('#3B4A5A', sw=4)))
    p.add(path('M116,150 Q150,118 180,104 Q210,118 244,150 Z', **S('#3B4A5A', sw=4)))
    # trench with lime water, seen from the shore
    p.add(poly([(370, 418), (600, 418), (650, 478), (320, 478)], **S('#8A6A48', sw=4)))
    p.add(poly([(382, 424), (588, 424), (632, 472), (338, 472)], **F('#F2F0E6')))
    p.add(line(360, 448, 612, 448, **L('#D8D3C4', 4)))
    for x in (395, 470, 545):
        p.add(ell(x, 460, 14, 5, **F('#D8D3C4')))
    # steam rising in soft puffs
    for x0, k in ((410, 1.0), (490, 1.15), (570, 0.95)):
        for i in range(5):
            x = x0 + 10 * math.sin(i * 1.7 + x0)
            y = 408 - i * 40 * k
            p.add(circ(x, y, (14 + i * 6) * k, **F('#B9B4AC', fill_opacity=0.5 - i * 0.08)))
    return p


def h_shanghai():
    p = Pic()
    hist(p)
    # hall back wall with arched windows
    p.add(rect(110, 110, 580, 250, rx=12, **S('#F6EAD4', '#C9B28A', 4)))
    for i in range(4):
        x = 160 + i * 130
        p.add(path('M%d,300 L%d,190 A40,40 0 0 1 %d,190 L%d,300 Z' % (x, x, x + 80, x + 80), **S(SKY, ICE, 4)))
        p.add(line(x + 40, 154, x + 40, 300, **L(ICE, 3)))
    # flags on poles
    flags = [(RED, GOLD, 0), (BLUE, WHITE, 1), (GREEN, GOLD, 2), (ORANGE, TEAL, 3), (PURPLE, WHITE, 0),
             (TEAL, GOLD, 2), (GOLD, BLUE, 1), (PINK, NAVY2, 3)]
    for i, (c1, c2, kind) in enumerate(flags):
        x = 140 + i * 76
        p.add(line(x, 360, x, 200, **L('#7A6A58', 5)))
        p.add(circ(x, 196, 6, **F(GOLD)))
        fx, fy, fw, fh = x + 2, 206, 52, 44
        p.add(rect(fx, fy, fw, fh, **F(c1)))
        if kind == 0:
            p.add(poly([(fx, fy), (fx + fw, fy), (fx, fy + fh)], **F(c2)))
        elif kind == 1:
            p.add(rect(fx, fy, fw / 3.0, fh, **F(c2)))
        elif kind == 2:
            p.add(poly([(fx, fy), (fx + fw * 0.5, fy + fh / 2.0), (fx, fy + fh)], **F(c2)))
        else:
            p.add(rect(fx, fy + fh * 0.6, fw, fh * 0.2, **F(c2)))
        p.add(rect(fx, fy, fw, fh, **L(dark(c1, 0.3), 3)))
    # round table with chairs
    p.add(shadow(400, 500, 260, 26, 0.10))
    for a in range(8):
        ang = math.radians(a * 45 + 22.5)
        cx, cy = 400 + 250 * math.cos(ang), 440 + 80 * math.sin(ang)
        if math.sin(ang) < 0:
            p.add(rect(cx - 22, cy - 56, 44, 60, rx=14, **S('#A8744A', sw=3)))
    p.add(ell(400, 452, 240, 70, **S('#9A6B43', sw=4)))
    p.add(ell(400, 440, 240, 70, **S('#C8945E', sw=4)))
    p.add(ell(400, 440, 190, 48, **S('#2E7D5B', sw=3)))
    for a in range(8):
        ang = math.radians(a * 45 + 22.5)
        dx, dy = 400 + 150 * math.cos(ang), 440 + 38 * math.sin(ang)
        p.add(g(rect(-16, -10, 32, 20, rx=2, **S(PAPER, GREY3, 2)), t=tr(dx, dy, None, a * 45 + 112)))
    for a in range(8):
        ang = math.radians(a * 45 + 22.5)
        cx, cy = 400 + 250 * math.cos(ang), 440 + 80 * math.sin(ang)
        if math.sin(ang) >= 0:
            p.add(rect(cx - 24, cy - 10, 48, 56, rx=14, **S('#A8744A', sw=3)))
    return p


def h_hague():
    p = Pic()
    hist(p)
    p.add(scroll_h(150, 170, 440, 280, lines=5))
    p.add(path('M380,400 C395,380 405,410 420,392 C430,380 440,404 456,394 C470,386 480,402 510,392',
               **L('#2A3550', 4)))
    p.add(circ(250, 395, 30, **S(RED, sw=4)))
    p.add(circ(250, 395, 20, **L(light(RED, 0.45), 3)))
    p.add(path('M232,420 L222,452 L240,440 L250,456 L256,424 Z', **S(RED, sw=3)))
    # inkwell + quill
    p.add(shadow(640, 470, 60, 10))
    p.add(rect(600, 410, 80, 60, rx=14, **S('#2F3B58', sw=4)))
    p.add(rect(620, 396, 40, 20, rx=5, **S('#4A5778', sw=3)))
    p.add(g([path('M0,0 C30,-60 70,-150 120,-190 C110,-130 80,-60 18,6 Z', **S(WHITE, GREY3, 4)),
             path('M6,-4 C40,-70 80,-140 116,-182', **L(GREY3, 3)),
             line(0, 0, -10, 24, **L('#2A3550', 5))], t='translate(640 404) rotate(-8)'))
    return p


def h_ban():
    p = Pic()
    hist(p)
    p.add(rect(90, 90, 620, 20, rx=10, **S('#8E5B34', sw=3)))
    p.add(line(400, 60, 300, 120, **L(GREY4, 3)))
    p.add(line(400, 60, 500, 120, **L(GREY4, 3)))
    p.add(circ(400, 60, 8, **S(GOLD, sw=3)))
    p.add(scroll_v(250, 130, 300, 360, lines=6))
    # red square seal with simple grid
    p.add(rect(310, 370, 74, 74, rx=8, **S(RED, sw=4)))
    p.add(rect(318, 378, 58, 58, rx=4, **L(light(RED, 0.6), 3)))
    p.add(line(347, 382, 347, 432, **L(light(RED, 0.6), 3)))
    p.add(line(322, 407, 372, 407, **L(light(RED, 0.6), 3)))
    p.add(poly(star(640, 200, 34), **S(GOLD, sw=3)))
    p.add(poly(star(160, 200, 24), **S(GOLD, sw=3)))
    return p


def h_single():
    p = Pic()
    hist(p)
    p.add(laurel(400, 300, 222, GREEN, 120, 240, 7, 1.7))
    p.add(book(260, 140, 260, 320, cover='#2E6DB4', emblem=[
        circ(400, 280, 66, **L(WHITE, 5)), circ(400, 280, 44, **L(WHITE, 3)), circ(400, 280, 22, **L(WHITE, 3)),
        line(334, 280, 466, 280, **L(WHITE, 3)), line(400, 214, 400, 346, **L(WHITE, 3)),
        line(353, 233, 447, 327, **L(WHITE, 3)), line(447, 233, 353, 327, **L(WHITE, 3)),
        line(330, 400, 470, 400, **L(WHITE, 6, opacity=0.8)), line(350, 424, 450, 424, **L(WHITE, 6, opacity=0.6))]))
    return p


def h_psychotropic():
    p = Pic()
    hist(p)
    p.add(doc(140, 110, 300, 380, lines=7, title=BLUE, seal=BLUE))
    p.add(circ(545, 320, 120, **F(WHITE, fill_opacity=0.8)))
    p.add(capsule(545, 320, 150, 62, c1=PURPLE, c2=WHITE, r=-30))
    p.add(no_sign(545, 320, 120, 24))
    return p


def h_accession():
    p = Pic()
    hist(p)
    p.add(globe(400, 215, 116, sea='#9CC5E4', land='#A9D49A'))
    arms = (((0, 560), (140, 500), (262, 420), NAVY2, SKIN[1], 1),
            ((800, 560), (660, 500), (538, 420), '#5A6B82', SKIN[0], -1))
    for a, b, c, sleeve, skin, side in arms:
        p.add(olimb([a, b, c], sleeve, 50))
    for a, b, c, sleeve, skin, side in arms:
        p.add(ell(c[0] + side * 8, c[1] - 10, 32, 26, **S(skin, sw=4)))
    p.add(g([rect(-125, -78, 250, 156, rx=10, **S(RED, sw=5)),
             rect(-105, -58, 210, 116, rx=6, **L(light(RED, 0.5), 3)),
             circ(0, -6, 30, **S(GOLD, sw=3)),
             poly(star(0, -6, 18), **F(RED)),
             line(-50, 44, 50, 44, **L(light(GOLD, 0.3), 6))], t='translate(400 404) rotate(-3)'))
    for a, b, c, sleeve, skin, side in arms:
        ang = math.degrees(math.atan2(c[1] - b[1], c[0] - b[0]))
        p.add(g(rect(-10, -24, 20, 44, rx=10, **S(skin, sw=3)), t=tr(c[0] + side * 22, c[1] - 30, None, side * 40)))
    return p


def h_june26():
    p = Pic()
    hist(p)
    p.add(globe(540, 330, 140))
    p.add(calendar(110, 150, 280, 300, head=AMBER, mark=(4, 3), mark_color=RED))
    p.add(laurel(540, 330, 168, GREEN, 120, 240, 7, 1.1))
    return p


def h_vienna():
    p = Pic()
    hist(p)
    p.add(rect(262, 52, 276, 196, rx=24, **F('#DCE8F3')))
    p.add(un_globe(400, 150, 62, BLUE, 4))
    people = ((175, RED, SKIN[0], HAIR[0], 'short'), (305, TEAL, SKIN[2], HAIR[2], 'long'),
              (435, PURPLE, SKIN[1], HAIR[3], 'bald'), (565, AMBER, SKIN[0], HAIR[1], 'bun'))
    for x, c, sk, hr, st in people:
        p.add(person(x, 510, 0.95, shirt=c, skin=sk, hair=hr, style=st, arms=("hold", "hold"), face="smile"))
    p.add(rect(130, 420, 540, 100, rx=10, **S('#A97548', sw=4)))
    p.add(rect(110, 402, 580, 26, rx=10, **S('#C8945E', sw=4)))
    for x, c, sk, hr, st in people:
        p.add(line(x + 30, 404, x + 46, 362, **L(GREY4, 4)))
        p.add(circ(x + 47, 358, 7, **S('#5E5A55', sw=2)))
        p.add(rect(x - 40, 442, 80, 30, rx=5, **S(WHITE, GREY3, 3)))
        p.add(line(x - 26, 457, x + 26, 457, **L(c, 6)))
    p.add(gavel(648, 384, 0.42))
    return p


def h_ncc():
    p = Pic()
    hist(p)
    p.add(rect(130, 440, 540, 26, rx=6, **S(GREY1, GREY3, 4)))
    p.add(rect(150, 416, 500, 26, rx=6, **S('#F1EBE0', GREY3, 4)))
    p.add(rect(180, 250, 440, 170, **S('#F6F0E6', GREY3, 4)))
    for i in range(6):
        x = 200 + i * 76
        p.add(rect(x, 262, 30, 154, rx=4, **S(WHITE, GREY3, 3)))
    p.add(rect(166, 228, 468, 26, rx=4, **S('#E6DCCB', GREY3, 4)))
    p.add(poly([(150, 232), (400, 120), (650, 232)], **S('#E8DCC4', GREY3, 5)))
    p.add(shield(400, 126, 96, 112, fill=BLUE, rim=WHITE))
    p.add(pline([(378, 184), (396, 202), (426, 166)], **L(WHITE, 8)))
    p.add(line(400, 60, 400, 120, **L(GREY4, 4)))
    p.add(path('M402,62 L460,72 L402,86 Z', **S(RED, sw=3)))
    return p


def h_decision():
    p = Pic()
    hist(p)
    p.add(doc(150, 100, 320, 400, lines=7, title=RED, seal=RED))
    p.add(gavel(560, 400, 0.9, r=-30))
    return p


def h_law():
    p = Pic()
    hist(p)
    p.add(book(110, 150, 250, 320, cover=RED, emblem=[
        g([line(-50, -40, 50, -40, **L(GOLD, 6)), line(0, -60, 0, 40, **L(GOLD, 6)),
           path('M-70,0 L-30,0 A20,20 0 0 1 -70,0 Z', **S(GOLD, sw=2)),
           path('M30,0 L70,0 A20,20 0 0 1 30,0 Z', **S(GOLD, sw=2)),
           pline([(-70, 0), (-50, -40), (-30, 0)], **L(GOLD, 3)),
           pline([(30, 0), (50, -40), (70, 0)], **L(GOLD, 3)),
           rect(-30, 40, 60, 10, rx=4, **F(GOLD))], t='translate(245 290)'),
        line(170, 390, 320, 390, **L(light(GOLD, 0.3), 6))]))
    p.add(scales(560, 490, 0.95, tilt=0))
    return p


def h_guizhou():
    p = Pic()
    hist(p)
    p.add(circ(600, 140, 38, **S('#F6C36A', sw=4)))
    p.add(cloud(250, 130, 0.8, WHITE, 0.9))
    p.add(karst(420, 130, 670, seed=5))
    p.add(path('M150,430 C260,410 380,440 480,420 C560,404 620,420 670,416 L660,470 L140,470 Z', **F('#7DB6D9')))
    p.add(path(wave(200, 446, 40, 8, 2) + ' ' + wave(420, 440, 40, 8, 2), **L(WHITE, 4, opacity=0.7)))
    p.add(g(doc(-95, -120, 190, 240, lines=5, title=TEAL, seal=GREEN), t='translate(560 390) rotate(6)'))
    return p


def h_regulation():
    p = Pic()
    hist(p)
    p.add(shadow(330, 500, 210, 14))
    # helper standing, reaching down
    p.add(person(430, 500, 1.05, shirt=TEAL, pants='#36465F', skin=SKIN[1], hair=HAIR[0], arms=('reachdown', 'down'),
                 face='smile'))
    hx, hy = 430 - 74 * 1.05, 500 - 96 * 1.05
    # person sitting on the ground, taking the hand
    shirt, pants, skin = '#E0A84E', '#6B7A90', SKIN[0]
    q = Pic()
    for leg in (((252, 484), (312, 438), (342, 494)), ((240, 488), (292, 452), (322, 498))):
        q.add(olimb(list(leg), pants, 19))
    q.add(ell(350, 494, 16, 8, **S('#2F2F3A')))
    q.add(ell(330, 498, 16, 8, **S('#2F2F3A')))
    q.add(olimb([(228, 414), (212, 450), (206, 480)], shirt, 15))
    q.add(circ(206, 482, 9.5, **S(skin, sw=3)))
    q.add(rect(216, 398, 64, 90, rx=24, **S(shirt)))
    q.add(olimb([(268, 414), (305, 404), (hx + 40, hy)], shirt, 15))
    q.add(rect(240, 380, 16, 16, rx=4, **S(skin, sw=3)))
    q.add(circ(248, 364, 27, **S(skin, sw=3)))
    q.add(path('M220,368 C216,326 280,326 276,368 C270,352 250,346 236,352 C230,355 224,360 220,368 Z', **S(HAIR[1], sw=3)))
    q.add(circ(241, 365, 3.2, **F('#2A2A35')))
    q.add(circ(259, 365, 3.2, **F('#2A2A35')))
    q.add(path('M242,377 Q250,383 258,377', **L('#8A4B3A', 3)))
    q.add(circ(hx + 40, hy, 11, **S(skin, sw=3)))
    p.add(g(q.body, t='translate(-40 0)'))
    # document with green cross
    p.add(g(doc(-90, -115, 180, 230, lines=4, title=None, seal=None), t='translate(630 250) rotate(5)'))
    p.add(g([rect(-34, -12, 68, 24, rx=5, **F(GREEN)), rect(-12, -34, 24, 68, rx=5, **F(GREEN))],
            t='translate(626 190) rotate(5)'))
    p.add(path(heart_path(330, 250, 0.45), **S(RED, sw=3)))
    return p


def h_guiyang():
    p = Pic()
    hist(p)
    p.add(karst(380, 170, 630, seed=8, scale=0.95, colors=('#A9D39E', '#7DBF74', '#5AA55B')))
    p.add(building(200, 440, 90, 220, '#7E9BC0', cols=2))
    p.add(building(300, 440, 70, 280, '#5C7FA8', cols=2))
    p.add(building(380, 440, 100, 190, '#9DB5D1', cols=3))
    p.add(building(500, 440, 80, 250, '#6F8FB7', cols=2))
    p.add(building(590, 440, 70, 170, '#8FA9C9', cols=2))
    p.add(rect(120, 436, 560, 40, rx=8, **F('#BFDDB5')))
    p.add(house(310, 470, 180, 120, wall='#FFF3DC', roof=RED, door=TEAL, heart=False))
    p.add(path(heart_path(400, 314, 0.28), **S(WHITE, RED, 3)))
    for x in (180, 620):
        p.add(rect(x - 5, 420, 10, 50, **F('#8A5A33')))
        p.add(circ(x, 410, 28, **S(GREEN, sw=3)))
    return p


def h_qingjiao():
    p = Pic()
    hist(p)
    p.add(rect(150, 90, 500, 150, rx=10, **S('#2F5D50', '#8E5B34', 8)))
    p.add(path('M190,140 L300,140 M190,180 L260,180 ' + wave(470, 130, 60, 20, 2), **L(WHITE, 5, opacity=0.7)))
    p.add(laptop(400, 470, 330))
    # graduation cap on screen + sprout
    p.add(poly([(400, 300), (480, 330), (400, 360), (320, 330)], **S('#2B2F45', '#101320', 3)))
    p.add(path('M350,342 L350,376 C375,392 425,392 450,376 L450,342 L400,360 Z', **S('#2B2F45', '#101320', 3)))
    p.add(pline([(400, 330), (470, 345), (470, 380)], **L(GOLD, 4)))
    p.add(circ(470, 384, 6, **F(GOLD)))
    p.add(sprout(590, 470, 0.9, c1='#3CC0A8', c2='#1E8A7A'))
    p.add(ell(590, 472, 50, 12, **S('#8A5A33', sw=3)))
    return p


def h_model_city():
    p = Pic()
    hist(p)
    p.add(building(140, 470, 90, 200, '#7E9BC0', cols=2))
    p.add(building(240, 470, 70, 150, '#9DB5D1', cols=2))
    p.add(building(320, 470, 80, 230, '#5C7FA8', cols=2))
    p.add(building(410, 470, 90, 170, '#8FA9C9', cols=3))
    p.add(building(510, 470, 70, 250, '#6F8FB7', cols=2))
    p.add(building(590, 470, 80, 180, '#7E9BC0', cols=2))
    p.add(rect(110, 466, 580, 22, rx=8, **F('#BFDDB5')))
    p.add(circ(400, 210, 120, **F(WHITE, fill_opacity=0.5)))
    p.add(medal(400, 230, 82, p))
    for x, y in ((250, 120), (560, 110), (600, 250), (200, 250)):
        p.add(poly(star(x, y, 16, 6, 4), **F(GOLD)))
    return p


def molecule(cx, cy, s=1.0, c=PURPLE):
    nodes = [(0, -60), (52, -30), (52, 30), (0, 60), (-52, 30), (-52, -30),
             (104, -60), (150, -30), (-104, 60), (-150, 30), (0, 120), (104, 60)]
    edges = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (1, 6), (6, 7), (4, 8), (8, 9), (3, 10), (2, 11)]
    o = []
    for a, b in edges:
        o.append(line(nodes[a][0], nodes[a][1], nodes[b][0], nodes[b][1], **L(GREY4, 7)))
    cols = [c, TEAL, c, BLUE, c, TEAL, AMBER, c, BLUE, AMBER, TEAL, c]
    for (x, y), col in zip(nodes, cols):
        o.append(circ(x, y, 17, **S(col, sw=4)))
        o.append(circ(x - 5, y - 5, 5, **F(WHITE, fill_opacity=0.55)))
    return g(o, t=tr(cx, cy, s))


def h_fentanyl():
    p = Pic()
    hist(p)
    p.add(circ(400, 300, 200, **F(WHITE, fill_opacity=0.75)))
    p.add(molecule(400, 290, 1.05))
    p.add(no_sign(400, 300, 200, 36))
    return p


def cann_leaf(cx, cy, s=1.0, color=LEAF, r=0):
    o = [path('M0,0 L0,70', **L(dark(color, 0.3), 7))]
    for ang, ln in ((-90, 150), (-58, 130), (-122, 130), (-28, 98), (-152, 98), (8, 62), (-188, 62)):
        o.append(g(leaf(ln, ln * 0.17, color, True), t='rotate(%s)' % fmt(float(ang + 90))))
    return g(o, t=tr(cx, cy, s, r))


def h_cannabinoids():
    p = Pic()
    hist(p)
    p.add(circ(400, 300, 200, **F(WHITE, fill_opacity=0.75)))
    p.add(cann_leaf(330, 330, 0.95))
    p.add(ecig(330, 380, 200, -30, p=p))
    p.add(no_sign(400, 300, 200, 36))
    return p


def h_etomidate():
    p = Pic()
    hist(p)
    p.add(shadow(350, 470, 220, 14))
    p.add(ecig(170, 420, 300, -18, body=('#3BB3C3', '#7E4FA8'), p=p))
    p.add(warn(560, 220, 1.5))
    for i, (x, y) in enumerate(((480, 340), (520, 300), (470, 280))):
        p.add(circ(x, y, 10 + i * 4, **F('#C9C5D8', fill_opacity=0.6)))
    return p


def h_public_security():
    p = Pic()
    hist(p)
    p.add(laurel(300, 300, 180, GREEN, 120, 240, 8, 1.3))
    p.add(shield(300, 130, 230, 270, fill=p.grad([(0, '#2F6FBE'), (1, '#173E73')]), stroke='#10305A'))
    p.add(poly(star(300, 240, 64, 28), **S(GOLD, sw=4)))
    p.add(rect(230, 320, 140, 14, rx=7, **F(GOLD)))
    p.add(book(440, 260, 200, 240, cover=RED, emblem=[
        g(scales(0, 0, 0.35, tilt=0), t='translate(540 440)'),
        line(490, 300, 590, 300, **L(light(GOLD, 0.3), 6))]))
    return p


# ---------------------------------------------------------------- drugs
def specimen_base(p, cx=400, cy=470, rx=260, zoom=1.35):
    p.zoom = (zoom, 400, 400)
    p.add(ell(cx, cy, rx, rx * 0.22, **F(BG_DRUG)))


def lump(cx, cy, r, seed, color, hi=None):
    rnd = random.Random(seed)
    n = 9
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        rr = r * rnd.uniform(0.78, 1.12)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a) * 0.72))
    d = 'M%s,%s' % (fmt((pts[0][0] + pts[1][0]) / 2), fmt((pts[0][1] + pts[1][1]) / 2))
    for i in range(1, n + 1):
        a, b = pts[i % n], pts[(i + 1) % n]
        d += ' Q%s,%s %s,%s' % (fmt(a[0]), fmt(a[1]), fmt((a[0] + b[0]) / 2), fmt((a[1] + b[1]) / 2))
    o = [path(d + ' Z', **S(color, sw=4))]
    if hi:
        o.append(path('M%s,%s Q%s,%s %s,%s' % (fmt(cx - r * 0.5), fmt(cy - r * 0.2), fmt(cx - r * 0.3), fmt(cy - r * 0.55),
                                               fmt(cx + r * 0.1), fmt(cy - r * 0.55)), **L(hi, 5, opacity=0.8)))
    return o


def d_opium():
    p = Pic()
    specimen_base(p)
    p.add(lump(320, 400, 95, 1, '#5A3A22', '#8A6040'))
    p.add(lump(480, 410, 80, 2, '#4A2E1A', '#7A5236'))
    p.add(lump(405, 330, 70, 3, '#6B4428', '#9A6E48'))
    p.add(lump(560, 450, 38, 4, '#5A3A22', '#8A6040'))
    return p


def powder_pile(cx, base, w, h, color=WHITE, edge=GREY2, grains=True, seed=1):
    d = 'M%s,%s C%s,%s %s,%s %s,%s C%s,%s %s,%s %s,%s Z' % (
        fmt(cx - w / 2.0), fmt(base), fmt(cx - w * 0.3), fmt(base - h * 0.2), fmt(cx - w * 0.18), fmt(base - h),
        fmt(cx), fmt(base - h), fmt(cx + w * 0.18), fmt(base - h), fmt(cx + w * 0.3), fmt(base - h * 0.2), fmt(cx + w / 2.0), fmt(base))
    o = [ell(cx, base, w * 0.55, h * 0.14, **F(NAVY, fill_opacity=0.08)),
         path(d, **S(color, edge, 4)),
         path('M%s,%s C%s,%s %s,%s %s,%s' % (fmt(cx - w * 0.25), fmt(base - h * 0.2), fmt(cx - w * 0.14), fmt(base - h * 0.5),
                                             fmt(cx - w * 0.1), fmt(base - h * 0.8), fmt(cx - w * 0.02), fmt(base - h * 0.9)),
              **L(WHITE, 6, opacity=0.9))]
    if grains:
        rnd = random.Random(seed)
        for i in range(14):
            x = cx + rnd.uniform(-w * 0.75, w * 0.75)
            y = base + rnd.uniform(-6, 14)
            if abs(x - cx) < w * 0.45:
                continue
            o.append(circ(x, y, rnd.uniform(2.5, 5), **S(color, edge, 2)))
    return o


def crystal(cx, cy, size, seed, fill=SKY, edge=ICE, n=None):
    rnd = random.Random(seed)
    n = n or rnd.choice([4, 5, 6])
    a0 = rnd.uniform(0, math.pi)
    pts = []
    for i in range(n):
        a = a0 + 2 * math.pi * i / n + rnd.uniform(-0.2, 0.2)
        rr = size * rnd.uniform(0.75, 1.1)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    o = [poly(pts, **S(fill, edge, 4, fill_opacity=0.95))]
    o.append(line(pts[0][0] * 0.6 + cx * 0.4, pts[0][1] * 0.6 + cy * 0.4, pts[2][0] * 0.6 + cx * 0.4,
                  pts[2][1] * 0.6 + cy * 0.4, **L(WHITE, 4, opacity=0.75)))
    return o


def d_morphine():
    p = Pic()
    specimen_base(p)
    p.add(powder_pile(360, 450, 300, 170, seed=2))
    for i, (x, y, s) in enumerate(((560, 420, 34), (610, 450, 24), (520, 460, 20), (200, 450, 18))):
        p.add(crystal(x, y, s, 20 + i, WHITE, GREY3))
    return p


def d_heroin():
    p = Pic()
    specimen_base(p, 380)
    p.add(powder_pile(340, 460, 320, 175, color='#FBFAF6', seed=3))
    p.add(warn(590, 280, 1.1))
    return p


def d_cannabis():
    p = Pic()
    specimen_base(p)
    p.add(cann_leaf(400, 372, 1.22, LEAF))
    return p


def flake(cx, cy, s, seed, r=0):
    rnd = random.Random(seed)
    pts = []
    n = 7
    for i in range(n):
        a = 2 * math.pi * i / n
        rr = s * rnd.uniform(0.55, 1.1)
        pts.append((rr * math.cos(a), rr * math.sin(a) * 0.55))
    return g([poly(pts, **S(WHITE, GREY3, 3.5)),
              line(pts[0][0] * 0.4, pts[0][1] * 0.4 - 3, pts[3][0] * 0.4, pts[3][1] * 0.4 - 3, **L(GREY1, 3))],
             t=tr(cx, cy, None, r))


def d_cocaine():
    p = Pic()
    specimen_base(p)
    rnd = random.Random(7)
    spots = [(300, 400, 70), (430, 380, 80), (540, 420, 60), (370, 460, 55), (480, 465, 50), (250, 455, 40),
             (600, 460, 36), (420, 310, 48)]
    for i, (x, y, s) in enumerate(spots):
        p.add(flake(x, y, s, 30 + i, rnd.randint(-25, 25)))
    return p


def d_meth():
    p = Pic()
    specimen_base(p)
    p.add(g([poly([(-70, 70), (-40, 0), (20, 22), (0, 100)], **S(SKY, ICE, 5)),
             poly([(10, 10), (60, -30), (92, 40), (40, 70)], **S(SKY, ICE, 5)),
             poly([(-30, 108), (34, 96), (52, 160), (-12, 168)], **S(SKY, ICE, 5)),
             line(-52, 60, -30, 12, **L(WHITE, 5, opacity=0.8)), line(28, 4, 60, -16, **L(WHITE, 5, opacity=0.8)),
             line(-18, 118, 26, 108, **L(WHITE, 5, opacity=0.8))], t='translate(390 270) scale(1.3 1.3)'))
    for i, (x, y, s) in enumerate(((240, 440, 18), (580, 440, 22), (620, 400, 12))):
        p.add(crystal(x, y, s, 50 + i))
    return p


def d_mdma():
    p = Pic()
    specimen_base(p)
    tabs = [(300, 390, 66, PINK, 'star'), (450, 370, 62, '#6FB7E9', 'heart'), (560, 430, 54, '#F2C94C', 'moon'),
            (380, 460, 52, '#9B7BD1', 'drop'), (230, 460, 44, '#7ED3A4', 'ring')]
    for x, y, r, c, e in tabs:
        p.add(tablet(x, y, r, c, e, side=True))
    return p


def d_ketamine():
    p = Pic()
    specimen_base(p)
    p.add(powder_pile(380, 455, 320, 150, color='#FAFAF7', seed=5))
    for x, y, r in ((340, 375, 0), (400, 350, 30), (430, 400, -20), (330, 420, 45), (470, 430, 10)):
        p.add(g(poly([(0, -9), (6, 0), (0, 9), (-6, 0)], **S(WHITE, GREY3, 2.5)), t=tr(x, y, None, r)))
    for i, (x, y, s) in enumerate(((590, 450, 26), (630, 470, 16), (170, 465, 20))):
        p.add(crystal(x, y, s, 90 + i, WHITE, GREY3))
    return p


def d_magu():
    p = Pic()
    specimen_base(p)
    cols = ['#D9547A', '#F08A3C', '#8CC63F']
    spots = [(250, 400), (350, 380), (450, 390), (550, 400), (300, 450), (400, 440), (500, 455), (600, 460), (200, 460)]
    for i, (x, y) in enumerate(spots):
        p.add(tablet(x, y, 44, cols[i % 3], 'line' if i % 2 else None, side=True))
    return p


def d_fentanyl():
    """Appearance not described: an unknown pill shape under a prohibition sign."""
    p = Pic()
    p.add(ell(400, 520, 300, 54, **F(BG_DRUG)))
    p.add(circ(400, 290, 128, **S(GREY1, GREY3, 6)))
    p.add(circ(400, 282, 128, **S(WHITE, GREY3, 6)))
    p.add(circ(400, 282, 106, **L(GREY1, 5)))
    p.add(path('M352,240 C352,196 448,196 448,240 C448,280 400,276 400,320', **L(GREY4, 24)))
    p.add(circ(400, 362, 15, **F(GREY4)))
    p.add(no_sign(400, 286, 215, 40))
    return p


def spray(cx, cy, s=1.0, r=0):
    o = [rect(-40, -40, 80, 130, rx=16, **S('#9ED0E6', '#5D8FA8', 4)),
         rect(-22, -74, 44, 38, rx=6, **S(WHITE, GREY3, 4)),
         rect(-40, -92, 80, 24, rx=8, **S(WHITE, GREY3, 4)),
         rect(-24, 0, 48, 52, rx=8, **F(WHITE, fill_opacity=0.8)),
         rect(-52, -86, 14, 12, rx=3, **S(GREY2, GREY3, 3))]
    return g(o, t=tr(cx, cy, s, r))


def d_cannabinoids():
    p = Pic()
    specimen_base(p)
    p.add(cann_leaf(270, 340, 0.95, '#9DB87A'))
    p.add(spray(575, 330, 1.0))
    rnd = random.Random(17)
    for i in range(16):
        t = i / 15.0
        x = 505 - t * 160 + rnd.uniform(-8, 8)
        y = 250 + rnd.uniform(-22, 22) * (0.4 + t)
        p.add(circ(x, y, rnd.uniform(3, 6.5), **F('#4E9CC4', fill_opacity=0.75)))
    for x, y in ((240, 250), (290, 270), (270, 300), (220, 300), (315, 310)):
        p.add(circ(x, y, 5, **S('#BFE3F5', '#4E9CC4', 2)))
    p.add(ecig(300, 468, 210, -4, body=('#2B2F45', '#6C5CE7'), p=p))
    return p


def d_ghb():
    p = Pic()
    specimen_base(p)
    p.add(bottle(360, 460, 140, 260))
    p.add(warn(560, 300, 1.15))
    return p


def jar(cx, base, w, h, glass='#E8F2F5', lid=PURPLE, content='#F7F3EC', p=None):
    x = cx - w / 2.0
    o = [shadow(cx, base + 4, w * 0.7),
         rect(x, base - h, w, h, rx=26, **S(glass, ICE, 4, fill_opacity=0.9)),
         rect(x + 8, base - h * 0.55, w - 16, h * 0.55 - 8, rx=20, **F(content))]
    rnd = random.Random(4)
    for i in range(16):
        cx_ = x + 22 + rnd.uniform(0, w - 44)
        cy_ = base - 20 - rnd.uniform(0, h * 0.45)
        o.append(poly([(cx_, cy_ - 8), (cx_ + 7, cy_), (cx_, cy_ + 8), (cx_ - 7, cy_)], **S(WHITE, GREY3, 2.5)))
    o += [rect(x - 10, base - h - 34, w + 20, 44, rx=12, **S(lid, sw=4)),
          line(x + 4, base - h - 22, x + w - 4, base - h - 22, **L(light(lid, 0.35), 4)),
          rect(x + 22, base - h * 0.9, w - 44, h * 0.3, rx=10, **S('#FFD9E3', '#D98AA0', 3)),
          path(wave(x + 40, base - h * 0.75, 40, 14, 2), **L('#D98AA0', 4)),
          line(x + 18, base - h + 20, x + 18, base - h * 0.6, **L(WHITE, 7, opacity=0.8))]
    return o


def d_cathinones():
    p = Pic()
    specimen_base(p)
    p.add(jar(360, 460, 220, 240))
    p.add(warn(590, 300, 1.1))
    return p


def stamp_sq(x, y, s, c1, c2, kind):
    o = [rect(x, y, s, s, rx=3, **S(WHITE, GREY3, 3)),
         rect(x + 6, y + 6, s - 12, s - 12, rx=2, **F(c1))]
    m = x + s / 2.0
    n = y + s / 2.0
    if kind == 0:
        o.append(circ(m, n, s * 0.22, **F(c2)))
        o.append(circ(m, n, s * 0.1, **F(c1)))
    elif kind == 1:
        for i in range(3):
            o.append(line(x + 10, y + 14 + i * (s - 28) / 2.0, x + s - 10, y + 14 + i * (s - 28) / 2.0, **L(c2, 5)))
    elif kind == 2:
        o.append(poly(star(m, n, s * 0.28), **F(c2)))
    elif kind == 3:
        o.append(path('M%s,%s Q%s,%s %s,%s Q%s,%s %s,%s' % (fmt(x + 10), fmt(n), fmt(m - 8), fmt(y + 8), fmt(m), fmt(n),
                                                           fmt(m + 8), fmt(y + s - 8), fmt(x + s - 10), fmt(n)), **L(c2, 5)))
    return o


def d_lsd():
    p = Pic()
    specimen_base(p)
    cols = [(PINK, GOLD), ('#6FB7E9', ORANGE), ('#7ED3A4', PURPLE), (GOLD, BLUE), (PURPLE, '#7ED3A4'), (ORANGE, PINK)]
    sheet = []
    s = 66
    for r_ in range(3):
        for c_ in range(4):
            i = r_ * 4 + c_
            sheet += stamp_sq(c_ * (s + 6), r_ * (s + 6), s, cols[i % 6][0], cols[i % 6][1], i % 4)
    p.add(g(sheet, t='translate(240 200) rotate(-6)'))
    for i, (x, y, r) in enumerate(((560, 430, 12), (620, 400, -18), (180, 440, 20))):
        p.add(g(stamp_sq(-30, -30, 60, cols[i][0], cols[i][1], i), t=tr(x, y, None, r)))
    return p


def d_etomidate():
    p = Pic()
    specimen_base(p)
    p.add(ecig(190, 400, 300, -14, body=('#F29BB8', '#7E4FA8'), p=p))
    p.add(warn(580, 250, 1.25))
    return p


# ---------------------------------------------------------------- disguise
def disg(p):
    p.add(stage(BG_DISG))


def x_milk_tea_powder():
    p = Pic()
    disg(p)
    p.add(shadow(400, 470, 240, 16))
    p.add(sachet(260, 340, 150, 230, '#F7B7C8', -10, icon=[circ(0, -6, 22, **F('#B6764F')), rect(-14, -12, 28, 30, rx=6, **F('#E9C9A8'))]))
    p.add(sachet(540, 340, 150, 230, '#9ED9C7', 10, icon=[circ(0, 0, 20, **F('#F29BB8'))]))
    p.add(sachet(400, 360, 160, 250, '#FFD27A', 0, icon=[poly(star(0, 0, 24), **F(ORANGE))]))
    for x, y in ((170, 170), (640, 180), (600, 460)):
        p.add(poly(star(x, y, 14, 5, 4), **F(GOLD)))
    return p


def x_popping_candy():
    p = Pic()
    disg(p)
    p.add(shadow(400, 480, 240, 16))
    for cx, r, c1, c2 in ((280, -12, '#6C5CE7', GOLD), (520, 12, '#E84393', '#7FE0F5'), (400, 0, '#00B894', '#FFD27A')):
        burst = [poly(star(0, -10, 54, 36, 12), **F(c2)), poly(star(0, -10, 30, 16, 5), **F(WHITE))]
        p.add(sachet(cx, 350, 150, 240, c1, r, band=c1, icon=burst))
    for i in range(14):
        rnd = random.Random(200 + i)
        x, y = rnd.uniform(140, 660), rnd.uniform(110, 200)
        p.add(circ(x, y, rnd.uniform(4, 8), **F([PINK, GOLD, TEAL, '#7FE0F5', PURPLE][i % 5])))
    return p


def x_stamp_paper():
    p = Pic()
    disg(p)
    p.add(shadow(400, 490, 250, 16))
    p.add(g([rect(0, 0, 360, 300, rx=14, **S(WHITE, GREY3, 4))], t='translate(220 170) rotate(-4)'))
    faces = []
    cols = [GOLD, PINK, '#7FD1E8', '#7ED3A4', '#F2A65A', '#B49BE0']
    for r_ in range(3):
        for c_ in range(4):
            i = r_ * 4 + c_
            x, y = 20 + c_ * 84, 20 + r_ * 88
            faces.append(rect(x, y, 72, 76, rx=16, **S(cols[i % 6], sw=3)))
            cx, cy = x + 36, y + 38
            if i % 3 == 0:
                faces += [circ(cx - 10, cy - 4, 4, **F(INK)), circ(cx + 10, cy - 4, 4, **F(INK)),
                          path('M%s,%s Q%s,%s %s,%s' % (fmt(cx - 12), fmt(cy + 8), fmt(cx), fmt(cy + 18), fmt(cx + 12), fmt(cy + 8)), **L(INK, 3))]
            elif i % 3 == 1:
                faces.append(poly(star(cx, cy, 22), **S(WHITE, dark(cols[i % 6]), 3)))
            else:
                faces.append(path(heart_path(cx, cy, 0.42), **S(WHITE, dark(cols[i % 6]), 3)))
    p.add(g(faces, t='translate(220 170) rotate(-4)'))
    return p


def x_spiked_ecig():
    p = Pic()
    disg(p)
    p.add(shadow(400, 450, 250, 16))
    p.add(ecig(180, 360, 360, -12, body=('#FF7EB3', '#7AF0FF'), p=p, sparkle=True))
    p.add(rect(520, 370, 120, 70, rx=14, **S('#FFE08A', sw=4)))
    p.add(rect(540, 388, 80, 34, rx=8, **F(WHITE, fill_opacity=0.8)))
    p.add(poly(star(580, 404, 12, 5), **F(PINK)))
    return p


def x_kava_drink():
    p = Pic()
    disg(p)
    p.add(shadow(400, 480, 220, 16))
    # can
    can = p.grad([(0, '#3FD0C9'), (1, '#6C5CE7')], 0, 0, 1, 0)
    p.add(rect(230, 190, 170, 280, rx=22, **S(can, '#3B3F8A', 5)))
    p.add(ell(315, 192, 82, 16, **S('#D6DCE6', GREY3, 4)))
    p.add(ell(330, 190, 18, 6, **S(GREY2, GREY3, 3)))
    p.add(path('M232,330 C280,300 340,360 398,320 L398,380 C340,420 280,360 232,390 Z', **F(WHITE, fill_opacity=0.8)))
    p.add(circ(315, 260, 26, **F('#FFE08A')))
    p.add(line(250, 220, 250, 440, **L(WHITE, 8, opacity=0.35)))
    # bottle
    p.add(rect(485, 160, 40, 40, rx=8, **S(ORANGE, sw=4)))
    p.add(path('M470,200 L540,200 L560,250 L560,460 A14,14 0 0 1 546,474 L464,474 A14,14 0 0 1 450,460 L450,250 Z',
               **S('#FFC7D9', '#D98AA0', 5, fill_opacity=0.95)))
    p.add(rect(456, 300, 98, 100, rx=10, **S(WHITE, '#D98AA0', 3)))
    p.add(circ(505, 350, 26, **F('#8CC63F')))
    p.add(path('M490,350 C490,335 520,335 520,350', **L(WHITE, 4)))
    return p


def x_shop_milk_tea():
    p = Pic()
    disg(p)
    p.add(shadow(400, 500, 170, 16))
    p.add(line(420, 210, 470, 60, **L('#2F3B58', 26)))
    p.add(line(420, 210, 470, 60, **L('#4F6EA0', 18)))
    p.add(path('M270,200 L530,200 L500,490 A14,14 0 0 1 486,502 L314,502 A14,14 0 0 1 300,490 Z',
               **S('#F2E6D8', GREY3, 5, fill_opacity=0.95)))
    p.add(path('M282,300 L518,300 L502,486 L298,486 Z', **F('#D9B08C')))
    for i, (x, y) in enumerate(((330, 460), (370, 470), (410, 462), (450, 470), (480, 455), (350, 430), (430, 438), (395, 440))):
        p.add(circ(x, y, 13, **S('#3B2A20', sw=2)))
    p.add(path('M260,200 C260,140 540,140 540,200 Z', **S('#F8F8F8', GREY3, 5, fill_opacity=0.9)))
    p.add(rect(252, 190, 296, 20, rx=10, **S(WHITE, GREY3, 4)))
    # printed label area
    p.add(rect(320, 240, 160, 110, rx=14, **S(WHITE, '#E1A86A', 4)))
    p.add(circ(360, 280, 20, **F('#F29BB8')))
    p.add(line(392, 270, 460, 270, **L(GREY2, 6)))
    p.add(line(392, 290, 446, 290, **L(GREY2, 6)))
    p.add(line(340, 322, 460, 322, **L(GREY2, 6)))
    return p


def x_postage_stamp():
    p = Pic()
    disg(p)
    p.add(shadow(400, 470, 280, 16))
    p.add(rect(130, 170, 540, 300, rx=12, **S('#FFF8EC', GREY3, 5)))
    p.add(pline([(130, 180), (400, 340), (670, 180)], **L(GREY2, 4)))
    for i in range(3):
        p.add(line(200, 380 + i * 26, 380 - i * 40, 380 + i * 26, **L(GREY2, 6)))
    # stamp with perforated edge
    sx, sy, sw_, sh = 540, 196, 104, 124
    p.add(rect(sx, sy, sw_, sh, rx=4, **S(WHITE, GREY3, 3)))
    for i in range(9):
        p.add(circ(sx + 6 + i * 11.5, sy, 4, **F('#FFF8EC')))
        p.add(circ(sx + 6 + i * 11.5, sy + sh, 4, **F('#FFF8EC')))
    for i in range(11):
        p.add(circ(sx, sy + 6 + i * 11.2, 4, **F('#FFF8EC')))
        p.add(circ(sx + sw_, sy + 6 + i * 11.2, 4, **F('#FFF8EC')))
    p.add(rect(sx + 12, sy + 12, sw_ - 24, sh - 24, rx=2, **F('#9ED9C7')))
    p.add(circ(sx + 52, sy + 54, 20, **F(GOLD)))
    p.add(path('M%s,%s L%s,%s L%s,%s L%s,%s Z' % (sx + 12, sy + 100, sx + 40, sy + 70, sx + 70, sy + 100, sx + 12, sy + 100), **F(GREEN)))
    # postmark
    p.add(circ(500, 300, 44, **L('#5A6B82', 4, opacity=0.8)))
    p.add(circ(500, 300, 30, **L('#5A6B82', 3, opacity=0.8)))
    for i in range(4):
        p.add(path(wave(548, 266 + i * 18, 36, 10, 3), **L('#5A6B82', 4, opacity=0.8)))
    return p


def x_packaged_candy():
    p = Pic()
    disg(p)
    p.add(shadow(400, 500, 200, 16))
    body = p.grad([(0, '#FF9F6B'), (1, '#E84393')])
    p.add(path('M250,150 L550,150 L560,470 C560,490 545,500 530,500 L270,500 C255,500 240,490 240,470 Z',
               **S(body, '#A8306A', 5)))
    p.add(rect(244, 130, 312, 34, rx=6, **S('#F7D2E2', '#A8306A', 4)))
    for i in range(1, 16):
        x = 244 + i * 19.5
        p.add(line(x, 134, x, 160, **L('#D46A9C', 2)))
    # candies window
    p.add(rect(300, 190, 200, 120, rx=50, **S(WHITE, '#A8306A', 4, fill_opacity=0.85)))
    for x, y, c in ((350, 240, GOLD), (400, 262, '#7FD1E8'), (450, 236, '#8CC63F'), (378, 222, PURPLE), (430, 280, RED)):
        p.add(circ(x, y, 18, **S(c, sw=3)))
    # label panel with lines + barcode
    p.add(rect(290, 340, 220, 130, rx=10, **S(WHITE, GREY3, 3)))
    for i in range(4):
        p.add(line(306, 360 + i * 18, 420 - (i % 2) * 30, 360 + i * 18, **L(GREY2, 5)))
    x = 432
    for i, w in enumerate((3, 2, 4, 2, 3, 5, 2, 3, 2, 4, 3, 2)):
        if i % 2 == 0:
            p.add(rect(x, 356, w * 1.5, 64, **F(INK)))
        x += w * 1.5 + 1.5
    p.add(rect(306, 440, 190, 14, rx=7, **F(GREY1)))
    return p


# ---------------------------------------------------------------- cases
def case_bg(p, soft, wall_soft, wall_dark, floor_soft='#E9DCCB', floor_dark='#2A2445'):
    if soft:
        p.add(bg_room(p, light(wall_soft, 0.3), wall_soft, floor_soft))
    else:
        p.add(bg_room(p, dark(wall_dark, 0.25), wall_dark, floor_dark))


def c_vape_party(soft, refuser='pony'):
    """The party: a stranger offers a vape, a teen says no (refuser: her or his hair style)."""
    p = Pic()
    if soft:
        p.add(bg_room(p, '#F6EEFB', '#E7DAF3', '#E6D7C4'))
    else:
        p.add(bg_room(p, '#2A1E4A', '#4A2F6E', '#2A2140'))
    # string lights
    p.add(path('M60,110 Q230,170 400,110 Q570,170 740,110', **L(GREY4 if soft else '#8C7BB0', 3)))
    for i in range(11):
        t = i / 10.0
        x = 60 + 680 * t
        yy = 110 + 60 * math.sin(math.pi * ((t * 2) % 1.0)) * 0.95
        c = [GOLD, PINK, TEAL, '#7FE0F5'][i % 4]
        p.add(circ(x, yy + 6, 9, **F(c, fill_opacity=1.0 if not soft else 0.9)))
    # window / poster
    p.add(rect(520, 180, 150, 110, rx=10, **S('#7FD1E8' if soft else '#3C4E8A', sw=4)))
    # teens: one offers a vape, one says no
    p.add(shadow(400, 525, 300, 16, 0.14))
    p.add(person(170, 522, 1.18, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[1], hair=HAIR[2], style='short',
                 arms=('down', 'reach'), face='smile' if soft else 'flat'))
    p.add(ecig(246, 368, 80, -8, body=('#FF7EB3', '#7AF0FF'), p=p, s=0.5))
    p.add(person(440, 527, 1.22, shirt=TEAL, pants='#36465F', skin=SKIN[0], hair=HAIR[0], style=refuser,
                 arms=('stop', 'down'), face='smile' if soft else 'flat'))
    p.add(person(650, 522, 1.12, shirt=PURPLE if soft else '#9B6FC8', pants='#3E3552', skin=SKIN[2], hair=HAIR[1],
                 style='short', arms=('hip', 'down'), face='open'))
    # big stop hand badge
    cx, cy = 300, 150
    p.add(circ(cx, cy + 20, 54, **S(RED if not soft else TEAL, sw=5)))
    p.add(palm(cx, cy + 46, WHITE, 1.8))
    p.add(frame_edge(color=GREY2 if soft else '#1A1430'))
    return p


def c_milk_tea_ktv(soft):
    p = Pic()
    if soft:
        p.add(bg_room(p, '#F3ECFA', '#E2D6F0', '#E8DAC8', fy=400))
    else:
        p.add(bg_room(p, '#1F1A3A', '#3C2A5E', '#241D38', fy=400))
    # screen
    p.add(rect(230, 90, 340, 190, rx=14, **S('#2B2F45', '#101320', 5)))
    scr = p.grad([(0, '#6C5CE7'), (1, '#E84393')], 0, 0, 1, 1)
    p.add(rect(246, 106, 308, 158, rx=6, **F(scr)))
    for i, h in enumerate((60, 100, 80, 120, 70, 90, 50)):
        p.add(rect(270 + i * 40, 240 - h, 22, h, rx=5, **F(WHITE, fill_opacity=0.55)))
    # disco light dots
    if not soft:
        for i in range(10):
            rnd = random.Random(300 + i)
            p.add(circ(rnd.uniform(80, 720), rnd.uniform(80, 300), rnd.uniform(4, 9),
                       **F([PINK, GOLD, TEAL, '#7FE0F5'][i % 4], fill_opacity=0.8)))
    # sofa
    p.add(rect(90, 300, 620, 120, rx=30, **S('#8E4FA8' if soft else '#5A2E78', sw=5)))
    p.add(rect(70, 340, 70, 120, rx=24, **S('#7E4FA8' if soft else '#4A2666', sw=5)))
    p.add(rect(660, 340, 70, 120, rx=24, **S('#7E4FA8' if soft else '#4A2666', sw=5)))
    p.add(rect(120, 380, 560, 60, rx=20, **S('#A66CC6' if soft else '#6A3A8A', sw=5)))
    # table
    p.add(table_top(230, 470, 340, '#C8945E', legs=True, h=60))
    # cups
    for x, c in ((280, '#F2D3B3'), (360, '#F7B7C8')):
        p.add(path('M%d,420 L%d,420 L%d,456 L%d,456 Z' % (x - 18, x + 18, x + 14, x - 14), **S(c, GREY3, 3)))
        p.add(line(x + 4, 420, x + 12, 396, **L(GREY4, 4)))
    # sachet on table (highlighted)
    p.add(sachet(480, 438, 64, 40, '#FFD27A', -8))
    p.add(circ(480, 438, 52, **L(RED, 5, opacity=0.9)))
    p.add(warn(560, 380, 0.45))
    # mic
    p.add(g([rect(-7, 0, 14, 70, rx=7, **S('#4A5068', sw=3)), circ(0, -8, 17, **S('#B8BCC8', '#4A5068', 3)),
             line(-10, -14, 10, -2, **L('#6B7390', 2)), line(-10, -2, 10, -14, **L('#6B7390', 2))],
            t='translate(168 440) rotate(-25) scale(1.5 1.5)'))
    p.add(frame_edge(color=GREY2 if soft else '#1A1430'))
    return p


def bed(x, y, w, blanket='#9FC7E8', patient_skin=SKIN[0], hair=HAIR[0], sit=False, face='flat'):
    o = [rect(x - 6, y - 90, 16, 150, rx=6, **S('#8A93A8', sw=3)),
         rect(x + w - 10, y - 40, 16, 100, rx=6, **S('#8A93A8', sw=3)),
         rect(x, y, w, 30, rx=8, **S('#B8C0D0', sw=4)),
         rect(x + 6, y - 26, w - 12, 32, rx=12, **S(WHITE, GREY3, 4))]
    if sit:
        o.append(rect(x + 20, y - 70, 70, 50, rx=16, **S(WHITE, GREY3, 4)))
        o.append(rect(x + 60, y - 110, 60, 86, rx=24, **S('#9AD0C9')))
        o.append(circ(x + 90, y - 140, 26, **S(patient_skin, sw=3)))
        o.append(path('M%s,%s C%s,%s %s,%s %s,%s Z' % (fmt(x + 63), fmt(y - 138), fmt(x + 60), fmt(y - 182), fmt(x + 120), fmt(y - 182),
                                                     fmt(x + 117), fmt(y - 138)), **S(hair, sw=3)))
        o.append(circ(x + 98, y - 140, 3, **F(INK)))
        o.append(circ(x + 110, y - 140, 3, **F(INK)))
        o.append(path('M%s,%s Q%s,%s %s,%s' % (fmt(x + 96), fmt(y - 128), fmt(x + 104), fmt(y - 122), fmt(x + 112), fmt(y - 128)),
                      **L('#8A4B3A', 3)))
        o.append(path('M%s,%s L%s,%s C%s,%s %s,%s %s,%s L%s,%s Z' % (
            fmt(x + 50), fmt(y - 40), fmt(x + w - 20), fmt(y - 40), fmt(x + w), fmt(y - 40), fmt(x + w), fmt(y + 6), fmt(x + w - 10), fmt(y + 6),
            fmt(x + 50), fmt(y + 6)), **S(blanket, sw=4)))
    else:
        o.append(rect(x + 16, y - 52, 80, 36, rx=16, **S(WHITE, GREY3, 4)))
        o.append(circ(x + 66, y - 56, 26, **S(patient_skin, sw=3)))
        o.append(path('M%s,%s C%s,%s %s,%s %s,%s Z' % (fmt(x + 40), fmt(y - 50), fmt(x + 34), fmt(y - 96), fmt(x + 96), fmt(y - 96),
                                                     fmt(x + 92), fmt(y - 60)), **S(hair, sw=3)))
        o.append(circ(x + 74, y - 58, 3, **F(INK)))
        o.append(circ(x + 86, y - 58, 3, **F(INK)))
        if face == 'sad':
            o.append(path('M%s,%s Q%s,%s %s,%s' % (fmt(x + 74), fmt(y - 42), fmt(x + 81), fmt(y - 47), fmt(x + 88), fmt(y - 42)), **L('#8A4B3A', 3)))
        o.append(path('M%s,%s C%s,%s %s,%s %s,%s L%s,%s C%s,%s %s,%s %s,%s Z' % (
            fmt(x + 96), fmt(y - 30), fmt(x + 160), fmt(y - 60), fmt(x + w - 60), fmt(y - 50), fmt(x + w - 10), fmt(y - 34),
            fmt(x + w - 10), fmt(y + 8), fmt(x + w - 60), fmt(y + 8), fmt(x + 160), fmt(y + 8), fmt(x + 96), fmt(y + 8)),
            **S(blanket, sw=4)))
    o.append(rect(x + 20, y + 30, 12, 50, **F('#8A93A8')))
    o.append(rect(x + w - 40, y + 30, 12, 50, **F('#8A93A8')))
    o.append(circ(x + 26, y + 84, 8, **S(GREY4, sw=2)))
    o.append(circ(x + w - 34, y + 84, 8, **S(GREY4, sw=2)))
    return o


def doctor(x, y, s=1.0, skin=SKIN[1], hair=HAIR[0], style='short', face='smile'):
    clip = [g([rect(-18, -26, 36, 46, rx=4, **S('#C8945E', sw=3)), rect(-13, -18, 26, 34, rx=2, **F(WHITE)),
               line(-8, -8, 8, -8, **L(GREY2, 3)), line(-8, 0, 8, 0, **L(GREY2, 3)), line(-8, 8, 4, 8, **L(GREY2, 3)),
               rect(-8, -30, 16, 8, rx=3, **F(GREY4))], t='translate(-18 -106) rotate(-8)')]
    extra = [line(-10, -150, -4, -110, **L('#5E8FA8', 3)), line(10, -150, 4, -110, **L('#5E8FA8', 3)),
             circ(0, -108, 6, **S('#8AB6CC', sw=2))]
    return person(x, y, s, shirt=WHITE, pants='#5E7FA0', skin=skin, hair=hair, style=style,
                  arms=('hold', 'down'), face=face, items=extra + clip)


def monitor(x, y, w=130, h=90, line_c='#3DDC97', screen='#1F2A44'):
    return [rect(x, y, w, h, rx=10, **S('#8A93A8', sw=4)),
            rect(x + 8, y + 8, w - 16, h - 16, rx=6, **F(screen)),
            pline([(x + 14, y + h / 2.0), (x + w * 0.35, y + h / 2.0), (x + w * 0.42, y + h * 0.22), (x + w * 0.5, y + h * 0.75),
                   (x + w * 0.58, y + h / 2.0), (x + w - 14, y + h / 2.0)], **L(line_c, 4))]


def c_ketamine_bladder(soft):
    p = Pic()
    if soft:
        p.add(bg_room(p, '#F2F8FB', '#E0EEF3', '#E6E0D6', fy=380))
    else:
        p.add(bg_room(p, '#C9D6E0', '#A9BCCB', '#8F9BAA', fy=380))
    p.add(rect(110, 90, 160, 110, rx=8, **S(SKY if soft else '#7E9BB0', ICE, 4)))
    p.add(line(190, 90, 190, 200, **L(ICE, 3)))
    p.add(rect(320, 80, 44, 44, rx=8, **F(WHITE)))
    p.add(rect(336, 86, 12, 32, rx=2, **F(RED)))
    p.add(rect(326, 96, 32, 12, rx=2, **F(RED)))
    p.add(monitor(420, 110, line_c='#3DDC97' if soft else GOLD))
    p.add(bed(120, 400, 380, blanket='#9FC7E8' if soft else '#7E9BC0', sit=soft, face='sad'))
    p.add(doctor(610, 500, 1.08, skin=SKIN[1], hair=HAIR[2], style='bun' if soft else 'short',
                 face='smile' if soft else 'flat'))
    if soft:
        p.add(path(heart_path(530, 260, 0.4), **S(PINK, sw=3)))
    p.add(frame_edge())
    return p


def jag(cx, cy, r, n, seed, color, o=1.0):
    rnd = random.Random(seed)
    pts = []
    for i in range(n * 2):
        a = 2 * math.pi * i / (n * 2)
        rr = r * (1.0 if i % 2 == 0 else rnd.uniform(0.35, 0.55))
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return poly(pts, **F(color, fill_opacity=o))


def c_meth_paranoia(soft):
    p = Pic()
    if not soft:
        p.add(bg_room(p, '#140F26', '#2A1E45', '#1B1530', fy=440))
        # doorway with family, lit
        p.add(rect(560, 130, 150, 310, rx=8, **F('#F6D9A4')))
        p.add(person(610, 440, 0.9, shirt=BLUE, pants='#36465F', skin=SKIN[1], hair=HAIR[0], face='sad', arms=('down', 'hold')))
        p.add(person(676, 440, 0.66, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[2], style='pony', face='sad'))
        # jagged shapes
        for i, (x, y, r, c) in enumerate(((180, 160, 70, '#7E4FA8'), (420, 140, 60, RED), (120, 330, 50, '#5A3A8A'),
                                          (470, 290, 46, '#9B3A5A'), (300, 110, 36, '#B0507A'))):
            p.add(jag(x, y, r, 9, 400 + i, c, 0.85))
        p.add(shadow(300, 500, 150, 14, 0.3))
        p.add(person(300, 505, 1.25, shirt='#5E5A7A', pants='#2E2A40', skin=SKIN[0], hair=HAIR[0], face='sad',
                     arms=('head', 'head')))
        for i in range(6):
            a = math.radians(200 + i * 28)
            p.add(line(300 + 120 * math.cos(a), 275 + 120 * math.sin(a), 300 + 160 * math.cos(a), 275 + 160 * math.sin(a),
                       **L('#C9A7E8', 5, opacity=0.8)))
        p.add(frame_edge(color='#0A0818'))
    else:
        p.add(stage(BG_CASE))
        p.add(sun(640, 130, 34, GOLD, 10))
        hp = heart_path(400, 270, 3.0)
        p.add(path(hp, **S('#F28FA8', '#C0566F', 8)))
        # crack mending: zigzag with stitches
        zz = [(400, 195), (380, 240), (416, 280), (388, 320), (410, 360), (400, 384)]
        p.add(pline(zz, **L('#C0566F', 8)))
        for (x1, y1), (x2, y2) in zip(zz, zz[1:]):
            mx, my = (x1 + x2) / 2.0, (y1 + y2) / 2.0
            p.add(line(mx - 18, my - 4, mx + 18, my + 4, **L(WHITE, 6)))
        p.add(g([rect(-50, -16, 100, 32, rx=12, **S('#F6E0B5', '#C9A36A', 3)),
                 rect(-16, -12, 32, 24, rx=4, **F('#EAC88F'))], t='translate(470 210) rotate(-30)'))
        p.add(shadow(400, 520, 220, 12, 0.1))
        p.add(person(210, 515, 0.78, shirt=BLUE, pants='#36465F', skin=SKIN[1], hair=HAIR[0], arms=('down', 'up')))
        p.add(person(590, 515, 0.74, shirt=PURPLE, pants='#3E3552', skin=SKIN[0], hair=HAIR[1], style='long',
                     skirt='#5D3B82', arms=('up', 'down')))
        p.add(person(150, 518, 0.56, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[2], style='pony',
                     arms=('up', 'down')))
    return p


def c_heroin_hiv(soft):
    p = Pic()
    if not soft:
        p.add(bg_room(p, '#DCE4EC', '#B9C7D6', '#98A4B4', fy=380))
        p.add(rect(110, 90, 200, 150, rx=10, **S(WHITE, GREY3, 4)))
        p.add(ribbon(210, 168, 0.6))
        p.add(monitor(560, 110, line_c=GOLD))
        p.add(bed(150, 400, 400, blanket='#8FA6BE', hair=HAIR[1], face='sad'))
        p.add(person(640, 500, 1.0, shirt=WHITE, pants='#5E7FA0', skin=SKIN[2], hair=HAIR[2], style='long',
                     arms=('hold', 'down'), face='flat'))
        p.add(frame_edge())
    else:
        p.add(stage('#F6DDE0'))
        p.add(sun(640, 130, 30, GOLD, 10))
        # an open hand, palm up, offering the ribbon
        sk = SKIN[1]
        p.add(olimb([(60, 520), (160, 492), (250, 470)], TEAL, 64))
        p.add(path('M236,432 L318,424 C336,392 362,372 384,380 C400,386 394,408 378,424 L372,432 L560,428 '
                   'C590,428 594,462 566,466 L350,486 C306,490 270,490 236,488 Z', **S(sk, sw=5)))
        for y0, x1 in ((446, 552), (460, 548), (474, 520)):
            p.add(line(392, y0 + 1, x1, y0 - 1, **L(dark(sk, 0.28), 3)))
        p.add(rect(226, 424, 26, 72, rx=10, **S(WHITE, GREY3, 3)))
        p.add(ribbon(470, 318, 1.1))
        p.add(path(heart_path(590, 250, 0.45), **S(PINK, sw=3)))
        p.add(path(heart_path(230, 230, 0.35), **S(PINK, sw=3)))
    return p


def c_turning_point(soft):
    p = Pic()
    lt = p.grad([(0, '#5A5872' if not soft else '#A8A6BC'), (0.45, '#8E8AA6' if not soft else '#C9C6DA'),
                 (0.55, '#FFE8B8'), (1, '#FFF6DC')], 0, 0, 1, 0)
    p.add(rect(40, 40, 720, 520, rx=36, **F(lt)))
    # ground: grey left, green right
    p.add(path('M40,420 C200,400 300,430 400,420 L400,560 L76,560 A36,36 0 0 1 40,524 Z',
               **F('#6E6A80' if not soft else '#B5B2C4')))
    p.add(path('M400,420 C520,408 640,400 760,410 L760,524 A36,36 0 0 1 724,560 L400,560 Z', **F('#9ED27F')))
    # path from left to right, widening into the light
    p.add(path('M60,540 C200,520 300,470 420,460 C540,450 640,430 760,440 L760,470 C640,470 540,490 430,500 C320,512 220,550 140,560 L60,560 Z',
               **F('#D9C9A8')))
    # dark clouds left, sun right
    if not soft:
        p.add(cloud(150, 140, 1.1, '#4A4660'))
        p.add(cloud(280, 100, 0.8, '#55516B'))
        for x in (120, 170, 220, 260):
            p.add(line(x, 190, x - 12, 230, **L('#8E8AA6', 4)))
    else:
        p.add(cloud(150, 140, 1.0, '#D8D6E4'))
    p.add(sun(630, 140, 52, GOLD, 14))
    p.add(cloud(520, 110, 0.6, WHITE))
    for x in (560, 700):
        p.add(rect(x - 6, 350, 12, 70, **F('#8A5A33')))
        p.add(circ(x, 340, 36, **S(GREEN, sw=3)))
    for x, c in ((620, PINK), (660, GOLD), (600, WHITE)):
        p.add(circ(x, 450, 7, **F(c)))
    # walker heading right
    p.add(person(285, 500, 1.12, shirt='#8E8AA6' if not soft else BLUE, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[0],
                 arms=('down', 'reach'), face='smile'))
    # community worker in vest, welcoming
    p.add(person(545, 482, 1.12, shirt=WHITE, pants='#36465F', skin=SKIN[1], hair=HAIR[1], style='bun',
                 vest=TEAL, arms=('reach', 'up'), face='smile'))
    p.add(frame_edge(color=GREY2))
    return p


# ---------------------------------------------------------------- main
def soft_variant(fn):
    return lambda: fn(True)


def hard_variant(fn):
    return lambda: fn(False)


FILES = {
    'img/attract/welcome.svg': attract_welcome,
    'img/attract/june26.svg': attract_june26,
    'img/attract/protect.svg': attract_protect,
    'img/history/humen-1839.svg': h_humen,
    'img/history/shanghai-1909.svg': h_shanghai,
    'img/history/hague-1912.svg': h_hague,
    'img/history/ban-1950.svg': h_ban,
    'img/history/single-convention-1961.svg': h_single,
    'img/history/psychotropic-1971.svg': h_psychotropic,
    'img/history/accession-1985.svg': h_accession,
    'img/history/june26-1987.svg': h_june26,
    'img/history/vienna-1988.svg': h_vienna,
    'img/history/ncc-1990.svg': h_ncc,
    'img/history/decision-1990.svg': h_decision,
    'img/history/law-2008.svg': h_law,
    'img/history/guizhou-2011.svg': h_guizhou,
    'img/history/regulation-2011.svg': h_regulation,
    'img/history/guiyang-2017.svg': h_guiyang,
    'img/history/qingjiao-2018.svg': h_qingjiao,
    'img/history/model-city-2018.svg': h_model_city,
    'img/history/fentanyl-2019.svg': h_fentanyl,
    'img/history/cannabinoids-2021.svg': h_cannabinoids,
    'img/history/etomidate-2023.svg': h_etomidate,
    'img/history/public-security-2026.svg': h_public_security,
    'img/drugs/opium.svg': d_opium,
    'img/drugs/morphine.svg': d_morphine,
    'img/drugs/heroin.svg': d_heroin,
    'img/drugs/cannabis.svg': d_cannabis,
    'img/drugs/cocaine.svg': d_cocaine,
    'img/drugs/meth.svg': d_meth,
    'img/drugs/mdma.svg': d_mdma,
    'img/drugs/ketamine.svg': d_ketamine,
    'img/drugs/magu.svg': d_magu,
    'img/drugs/fentanyl.svg': d_fentanyl,
    'img/drugs/cannabinoids.svg': d_cannabinoids,
    'img/drugs/ghb.svg': d_ghb,
    'img/drugs/cathinones.svg': d_cathinones,
    'img/drugs/lsd.svg': d_lsd,
    'img/drugs/etomidate.svg': d_etomidate,
    'img/disguise/milk-tea-powder.svg': x_milk_tea_powder,
    'img/disguise/popping-candy.svg': x_popping_candy,
    'img/disguise/stamp-paper.svg': x_stamp_paper,
    'img/disguise/spiked-ecig.svg': x_spiked_ecig,
    'img/disguise/kava-drink.svg': x_kava_drink,
    'img/disguise/shop-milk-tea.svg': x_shop_milk_tea,
    'img/disguise/postage-stamp.svg': x_postage_stamp,
    'img/disguise/packaged-candy.svg': x_packaged_candy,
}
for _cid, _fn in (('vape-party', c_vape_party), ('milk-tea-ktv', c_milk_tea_ktv),
                  ('ketamine-bladder', c_ketamine_bladder), ('meth-paranoia', c_meth_paranoia),
                  ('heroin-hiv', c_heroin_hiv), ('turning-point', c_turning_point)):
    FILES['img/cases/%s.svg' % _cid] = hard_variant(_fn)
    FILES['img/cases/%s-soft.svg' % _cid] = soft_variant(_fn)


def write(rel, text):
    full = os.path.join(ART if rel.startswith('img/') else MEDIA, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)
    return len(text.encode('utf-8'))


def main():
    total = 0
    for name, body in ICONS.items():
        total += write('icons/%s.svg' % name, icon(body))
    for rel in sorted(FILES):
        n = write(rel, FILES[rel]().svg())
        total += n
        if n > 15000:
            print('warning: %s is %d bytes' % (rel, n))
    print('wrote %d files (%d bytes) under %s and %s' % (len(FILES) + len(ICONS), total, MEDIA, ART))


if __name__ == '__main__':
    main()
