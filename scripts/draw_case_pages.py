#!/usr/bin/env python3
"""Draw one illustration per page of the harm stories (危害案例) as SVG files.

Each story page in assets/content/content/cases.yaml names the picture of what it says;
this script draws the ones the case pictures of scripts/draw_illustrations.py do not
already show, in the same flat style, palette and SVG subset (see that script's notes),
into assets/art/img/cases/<case>-p<page>[-soft].svg. `make art` renders them to PNG.

A picture without "-soft" serves both the full story and the primary tier where they tell
the same thing; "-soft" marks a primary-tier page of a graphic case, drawn for children:
no drug detail, nothing frightening, no real persons, no text. Standard library only:
`python3 scripts/draw_case_pages.py`.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draw_illustrations as di  # noqa: E402
from draw_illustrations import (  # noqa: E402
    BLUE, GOLD, GREEN, GREEN2, GREY2, GREY3, GREY4, HAIR, ICE, INK, ORANGE, PINK, PURPLE, RED, SKIN, SKY,
    TEAL, WHITE, Pic, F, L, S, bg_room, building, calendar, circ, cloud, dark, doc, doctor, ecig, ell, fmt,
    frame_edge, g, gavel, heart_path, house, jag, light, line, no_sign, path, person, pline, poly, rect,
    ribbon, sachet, shadow, shield, sprout, star, sun, table_top, tr)

# a hand held at the ear (a phone call) and one raised beside the head (fright)
di.ARM['phone'] = ((46, -140), (30, -176))
di.ARM['fright'] = ((56, -150), (58, -182))

POLICE_SHIRT = '#A9CBEA'
POLICE_CAP = '#1F3A66'


# ---------------------------------------------------------------- motifs
def bubble(cx, cy, rx, ry, tail, fill=WHITE, edge=GREY3, spiky=False):
    """A speech bubble centred on cx,cy whose tail points at tail=(x, y)."""
    tx, ty = tail
    bx = cx + (tx - cx) * 0.25
    o = []
    if spiky:
        pts = []
        for i in range(28):
            a = 2 * math.pi * i / 28
            k = 1.0 if i % 2 == 0 else 0.78
            pts.append((cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
        o.append(poly([(bx - 16, cy), (tx, ty), (bx + 16, cy)], **S(fill, edge, 4)))
        o.append(poly(pts, **S(fill, edge, 4)))
        return o
    o.append(ell(cx, cy, rx, ry, **S(fill, edge, 4)))
    o.append(poly([(bx - 16, cy + ry * 0.5), (tx, ty), (bx + 16, cy + ry * 0.5)], **S(fill, edge, 4)))
    o.append(ell(cx, cy, rx - 3, ry - 3, **F(fill)))
    return o


def thought(cx, cy, rx, ry, toward, fill=WHITE, edge=GREY3):
    """A thought cloud with two small puffs leading to toward=(x, y)."""
    tx, ty = toward
    o = []
    for k, r in ((0.78, 8), (0.55, 13)):
        o.append(circ(tx + (cx - tx) * k * 0.62, ty + (cy - ty) * k * 0.62, r, **S(fill, edge, 3)))
    o.append(ell(cx, cy, rx, ry, **S(fill, edge, 4)))
    for i in range(8):
        a = 2 * math.pi * i / 8
        o.append(circ(cx + rx * 0.86 * math.cos(a), cy + ry * 0.86 * math.sin(a), min(rx, ry) * 0.3, **S(fill, edge, 4)))
    o.append(ell(cx, cy, rx * 0.95, ry * 0.92, **F(fill)))
    return o


def qmark(cx, cy, s=1.0, color=PURPLE):
    """A question mark drawn from a stroke and a dot."""
    return g([path('M-14,-16 C-14,-40 18,-40 18,-18 C18,-4 2,-2 2,12', **L(color, 9)),
              circ(2, 28, 6, **F(color))], t=tr(cx, cy, s))


def tick(cx, cy, r, color=GREEN2):
    return [circ(cx, cy, r, **S(WHITE, color, 6)),
            pline([(cx - r * 0.45, cy + r * 0.02), (cx - r * 0.1, cy + r * 0.35), (cx + r * 0.5, cy - r * 0.35)],
                  **L(color, r * 0.2))]


def smiley(cx, cy, r, color=GOLD):
    """A grin: what the one offering promises."""
    return [circ(cx, cy, r, **S(color, sw=3)),
            circ(cx - r * 0.35, cy - r * 0.2, r * 0.12, **F(INK)),
            circ(cx + r * 0.35, cy - r * 0.2, r * 0.12, **F(INK)),
            path('M%s,%s Q%s,%s %s,%s' % (fmt(cx - r * 0.5), fmt(cy + r * 0.2), fmt(cx), fmt(cy + r * 0.7),
                                          fmt(cx + r * 0.5), fmt(cy + r * 0.2)), **L(INK, r * 0.14))]


def cross(cx, cy, r, color=RED):
    k = r * 0.42
    return [circ(cx, cy, r, **S(WHITE, color, 6)),
            line(cx - k, cy - k, cx + k, cy + k, **L(color, r * 0.2)),
            line(cx + k, cy - k, cx - k, cy + k, **L(color, r * 0.2))]


def phone(x, y, r=-12):
    """A mobile phone held up, centred on x,y."""
    return g([rect(-10, -18, 20, 36, rx=5, **S('#2B2F45', sw=3)),
              rect(-6, -13, 12, 24, rx=2, **F('#7FD1E8'))], t=tr(x, y, None, r))


def dizzy(cx, cy, r=40):
    """Stars circling a dizzy head."""
    o = [ell(cx, cy, r, r * 0.32, **L(GOLD, 4, opacity=0.8))]
    for a in (200, 300, 50):
        x, y = cx + r * math.cos(math.radians(a)), cy + r * 0.32 * math.sin(math.radians(a))
        o.append(poly(star(x, y, 11, 5), **S(GOLD, dark(GOLD, 0.3), 2)))
    return o


def ambulance(x, base, s=1.0):
    """A white ambulance facing left; x,base is its rear wheel's ground point."""
    o = [rect(-20, -120, 230, 96, rx=12, **S(WHITE, GREY3, 4)),
         path('M-20,-60 L-80,-60 L-80,-24 L-20,-24 Z', **S(WHITE, GREY3, 4)),
         path('M-20,-100 L-50,-100 L-80,-62 L-20,-62 Z', **S(WHITE, GREY3, 4)),
         path('M-26,-94 L-48,-94 L-70,-66 L-26,-66 Z', **F(SKY)),
         rect(-20, -54, 230, 14, **F(RED)),
         rect(80, -108, 16, 44, rx=2, **F(RED)),
         rect(66, -94, 44, 16, rx=2, **F(RED)),
         rect(20, -134, 40, 16, rx=6, **S('#5DA9F0', '#2E6FB0', 3)),
         circ(-44, -22, 20, **S('#3A3F55', sw=4)), circ(-44, -22, 8, **F(GREY2)),
         circ(160, -22, 20, **S('#3A3F55', sw=4)), circ(160, -22, 8, **F(GREY2))]
    for a in (-40, -20, 0):
        ra = math.radians(a - 90)
        o.append(line(40 + 26 * math.cos(ra), -140 + 26 * math.sin(ra), 40 + 40 * math.cos(ra), -140 + 40 * math.sin(ra),
                      **L('#5DA9F0', 4)))
    return g(o, t=tr(x, base, s))


def string_lights(y, soft=True):
    o = [path('M60,%d Q230,%d 400,%d Q570,%d 740,%d' % (y, y + 60, y, y + 60, y), **L(GREY4 if soft else '#8C7BB0', 3))]
    for i in range(11):
        t = i / 10.0
        yy = y + 60 * math.sin(math.pi * ((t * 2) % 1.0)) * 0.95
        o.append(circ(60 + 680 * t, yy + 6, 9, **F([GOLD, PINK, TEAL, '#7FE0F5'][i % 4])))
    return o


def window(x, y, w, h, sky=SKY, frame='#FFFFFF', edge=ICE, night=False, inside=None):
    """A window; inside (what is seen through it) is drawn behind its frame."""
    o = [rect(x, y, w, h, rx=8, **S(sky, edge, 5))]
    if night:
        o.append(circ(x + w * 0.72, y + h * 0.28, min(w, h) * 0.13, **F('#FFF2C2')))
    o += list(inside or [])
    o += [line(x + w / 2.0, y, x + w / 2.0, y + h, **L(frame, 6)),
          line(x, y + h / 2.0, x + w, y + h / 2.0, **L(frame, 6)),
          rect(x, y, w, h, rx=8, **L(edge, 5))]
    return o


def sofa(x, base, w, color):
    return [rect(x, base - 130, w, 80, rx=26, **S(color, sw=5)),
            rect(x - 24, base - 90, 56, 90, rx=20, **S(dark(color, 0.08), sw=5)),
            rect(x + w - 32, base - 90, 56, 90, rx=20, **S(dark(color, 0.08), sw=5)),
            rect(x + 20, base - 66, w - 40, 46, rx=16, **S(light(color, 0.2), sw=5))]


def chair(x, base, color='#B98A5E', back=True):
    """A plain chair seen from the side, facing right; x is its back leg."""
    o = [rect(x, base - 70, 80, 14, rx=5, **S(color, sw=3)),
         rect(x + 4, base - 60, 10, 60, rx=4, **S(dark(color, 0.1), sw=3)),
         rect(x + 66, base - 60, 10, 60, rx=4, **S(dark(color, 0.1), sw=3))]
    if back:
        o.append(rect(x, base - 150, 12, 86, rx=5, **S(color, sw=3)))
        o.append(rect(x, base - 150, 30, 14, rx=5, **S(color, sw=3)))
    return o


def chair_left(x, base, color='#B98A5E'):
    """The chair facing left, its back at x."""
    return g(chair(0, 0, color), t='translate(%s %s) scale(-1 1)' % (fmt(float(x)), fmt(float(base))))


def clock(cx, cy, r=34):
    return [circ(cx, cy, r, **S(WHITE, GREY3, 5)),
            line(cx, cy, cx, cy - r * 0.6, **L(INK, 5)),
            line(cx, cy, cx + r * 0.45, cy + r * 0.15, **L(INK, 5)),
            circ(cx, cy, 4, **F(INK))]


def cross_sign(cx, cy, r, color=GREEN):
    """A clinic's cross on a round sign."""
    k = r * 0.6
    return [circ(cx, cy, r, **S(WHITE, GREY3, 4)),
            rect(cx - k * 0.32, cy - k, k * 0.64, 2 * k, rx=3, **F(color)),
            rect(cx - k, cy - k * 0.32, 2 * k, k * 0.64, rx=3, **F(color))]


def police(x, y, s=1.0, arms=('down', 'down'), face='smile', skin=SKIN[1], items=None):
    """A police officer in a light-blue shirt and a dark cap with a badge."""
    badge = [path(di.shield_path(-14, -140, 16, 20), **S(GOLD, sw=2))]
    cap_badge = [circ(0, -206, 6, **S(GOLD, sw=2))]
    return person(x, y, s, shirt=POLICE_SHIRT, pants=POLICE_CAP, skin=skin, hair=HAIR[2], style='cap',
                  vest=None, arms=arms, face=face, items=badge + cap_badge + (items or []))


def kid_a(x, y, s=1.0, arms=('down', 'down'), face='smile'):
    """Xiao A of the vape story: a boy in teal."""
    return person(x, y, s, shirt=TEAL, pants='#36465F', skin=SKIN[0], hair=HAIR[0], style='short', arms=arms, face=face)


def kid_b(x, y, s=1.0, arms=('down', 'down'), face='smile'):
    """Xiao B of the vape story: the curious boy in purple."""
    return person(x, y, s, shirt=PURPLE, pants='#3E3552', skin=SKIN[2], hair=HAIR[1], style='short', arms=arms, face=face)


def milk_cup(cx, base, s=1.0):
    """A milk tea from a shop: printed cup, lid, straw and pearls."""
    o = [line(20, -210, 50, -300, **L('#2F3B58', 16)), line(20, -210, 50, -300, **L('#4F6EA0', 10)),
         path('M-78,-210 L78,-210 L60,-8 A10,10 0 0 1 50,0 L-50,0 A10,10 0 0 1 -60,-8 Z',
              **S('#F2E6D8', GREY3, 4, fill_opacity=0.95)),
         path('M-70,-140 L70,-140 L58,-10 L-58,-10 Z', **F('#D9B08C'))]
    for x, y in ((-36, -24), (-10, -20), (16, -26), (40, -20), (-24, -46), (4, -44), (28, -48)):
        o.append(circ(x, y, 9, **S('#3B2A20', sw=2)))
    o += [path('M-90,-210 C-90,-250 90,-250 90,-210 Z', **S('#F8F8F8', GREY3, 4, fill_opacity=0.9)),
          rect(-94, -218, 188, 14, rx=7, **S(WHITE, GREY3, 3)),
          rect(-46, -186, 92, 62, rx=10, **S(WHITE, '#E1A86A', 3)),
          circ(-22, -164, 12, **F('#F29BB8')),
          line(-2, -170, 32, -170, **L(GREY2, 5)), line(-2, -154, 24, -154, **L(GREY2, 5))]
    return g(o, t=tr(cx, base, s))


def plain_sachet(cx, cy, s=1.0, r=0, color='#FFD27A'):
    """A bright sachet with an empty label: no date, no ingredients, no maker."""
    return g([sachet(0, 0, 150, 100, color, 0),
              rect(-34, -14, 68, 30, rx=6, **L(GREY3, 3, opacity=0.6))], t=tr(cx, cy, s, r))


def magnifier(cx, cy, r, angle=40):
    a = math.radians(angle)
    hx, hy = cx + r * math.cos(a), cy + r * math.sin(a)
    return [line(hx, hy, hx + r * 0.9 * math.cos(a), hy + r * 0.9 * math.sin(a), **L('#6B4226', 16)),
            circ(cx, cy, r, **S(WHITE, '#4A5068', 8, fill_opacity=0.35)),
            path('M%s,%s A%s,%s 0 0 1 %s,%s' % (fmt(cx - r * 0.6), fmt(cy - r * 0.2), fmt(r * 0.62), fmt(r * 0.62),
                                               fmt(cx - r * 0.1), fmt(cy - r * 0.62)), **L(WHITE, 5, opacity=0.8))]


def chalkboard(x, y, w, h):
    return [rect(x - 10, y - 10, w + 20, h + 20, rx=10, **S('#B98A5E', sw=4)),
            rect(x, y, w, h, rx=6, **F('#2F5D50'))]


def hearts(pts, color=PINK):
    return [path(heart_path(x, y, k), **S(color, sw=3)) for x, y, k in pts]


def wallet(cx, cy, s=1.0):
    """An open wallet with nothing in it."""
    o = []
    for side in (-1, 1):
        x0 = 0 if side > 0 else -96
        o.append(rect(x0, -40, 96, 80, rx=12, **S('#8A5A33', sw=4)))
        o.append(rect(x0 + 12, -26, 72, 52, rx=6, **S('#E8C9A0', '#6B4226', 3)))
    o.append(line(0, -40, 0, 40, **L('#5A3A22', 5)))
    return g(o, t=tr(cx, cy, s))


def head(cx, cy, r, skin, hair):
    """A small head seen in a window."""
    return [circ(cx, cy, r, **S(skin, sw=2)),
            path('M%s,%s C%s,%s %s,%s %s,%s Z' % (fmt(cx - r), fmt(cy - r * 0.1), fmt(cx - r * 1.1), fmt(cy - r * 1.6),
                                                 fmt(cx + r * 1.1), fmt(cy - r * 1.6), fmt(cx + r), fmt(cy - r * 0.1)),
                 **S(hair, sw=2)),
            path('M%s,%s Q%s,%s %s,%s' % (fmt(cx - r * 0.35), fmt(cy + r * 0.45), fmt(cx), fmt(cy + r * 0.2),
                                          fmt(cx + r * 0.35), fmt(cy + r * 0.45)), **L('#8A4B3A', 2))]


def night_street(p, soft):
    """An evening street: sky, houses in the distance, a pavement and a street lamp."""
    sky = p.grad([(0, '#3C3A6E' if not soft else '#7E7BB8'), (1, '#B98FB8' if not soft else '#F3C9B8')])
    o = [rect(40, 40, 720, 520, rx=36, **F(sky)),
         building(70, 400, 120, 200, '#5A5785' if not soft else '#9C99C6', win='#FFE3A0', cols=2),
         building(200, 400, 90, 150, '#4D4A78' if not soft else '#8E8BBA', win='#FFE3A0', cols=2),
         building(590, 400, 140, 230, '#5A5785' if not soft else '#9C99C6', win='#FFE3A0', cols=3),
         path('M40,400 L760,400 L760,524 A36,36 0 0 1 724,560 L76,560 A36,36 0 0 1 40,524 Z',
              **F('#6E6A80' if not soft else '#C9C2B6')),
         rect(40, 396, 720, 10, **F('#9A948A'))]
    o += [rect(470, 170, 12, 232, rx=5, **S('#4A5068', sw=3)),
          path('M452,176 L500,176 L490,150 L462,150 Z', **S('#4A5068', sw=3)),
          ell(476, 182, 44, 14, **F('#FFE9A8', fill_opacity=0.55)),
          circ(476, 170, 9, **F('#FFE9A8'))]
    return o


# ---------------------------------------------------------------- vape-party
def vape_p1(soft):
    """Page 1: the stranger's offer; Xiao A (a boy, as the story says) refuses."""
    return di.c_vape_party(soft, refuser='short')


def vape_p2(soft):
    """Page 2: Xiao B is dizzy and cannot stand; Xiao A holds him up, a friend calls for help,
    an ambulance is on its way."""
    p = Pic()
    p.add(bg_room(p, '#F6EEFB', '#E7DAF3', '#E6D7C4'))
    p.add(string_lights(100))
    p.add(window(470, 160, 250, 170, sky='#CFE3EA', inside=[g([ambulance(0, 0, 0.62)], t='translate(560 312)')]))
    p.add(shadow(360, 525, 300, 16, 0.14))
    # Xiao B leans, dizzy; Xiao A steadies him
    p.add(g(kid_b(0, 0, 1.12, arms=('down', 'reach'), face='flat'), t='translate(250 522) rotate(-9)'))
    p.add(dizzy(215, 290, 46))
    p.add(kid_a(360, 524, 1.12, arms=('reach', 'down'), face='open'))
    # a grown-up calls for the ambulance
    p.add(person(620, 524, 1.22, shirt=GREEN, pants='#3B4A6B', skin=SKIN[1], hair=HAIR[2], style='bun',
                 arms=('down', 'phone'), face='open', items=[phone(34, -180, 8)]))
    p.add(frame_edge())
    return p


def vape_p3(soft):
    """Page 3: what was inside: a lesson about a controlled drug hidden in a vape, dated."""
    p = Pic()
    p.add(bg_room(p, '#F3F7F1', '#E2ECDF', '#E6D7C4', fy=440))
    p.add(chalkboard(100, 90, 400, 230))
    p.add(ecig(170, 210, 190, 0, body=('#FF7EB3', '#7AF0FF'), p=p, s=0.8))
    p.add(no_sign(290, 208, 92))
    p.add(calendar(560, 90, 150, 150, mark=(0, 0)))
    p.add(shield(635, 252, 70, 80, fill=BLUE))
    p.add(path(heart_path(635, 290, 0.34), **S(WHITE, sw=2)))
    p.add(shadow(400, 535, 300, 14, 0.12))
    p.add(person(190, 530, 1.05, shirt='#E9C46A', pants='#5E6B7F', skin=SKIN[1], hair=HAIR[0], style='bun',
                 arms=('down', 'up'), face='smile'))
    p.add(kid_a(380, 532, 0.86, arms=('down', 'down'), face='flat'))
    p.add(kid_b(500, 532, 0.86, arms=('down', 'down'), face='flat'))
    p.add(person(620, 532, 0.84, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[1], hair=HAIR[2], style='pony',
                 arms=('down', 'down'), face='flat'))
    p.add(frame_edge())
    return p


def vape_p4(soft):
    """Page 4: at home, Xiao A tells his parents; they say he did the right thing."""
    p = Pic()
    p.add(bg_room(p, '#FFF4E2', '#F6E6CC', '#E3CFB2', fy=420))
    p.add(window(100, 110, 160, 130, sky='#F7C98A'))
    p.add(rect(330, 110, 110, 80, rx=8, **S('#FFFFFF', GREY3, 4)))
    p.add(path(heart_path(385, 152, 0.5), **S(PINK, sw=3)))
    p.add(sofa(440, 500, 260, '#7FB8A4'))
    p.add(shadow(430, 528, 300, 14, 0.12))
    p.add(person(520, 500, 1.08, shirt=BLUE, pants='#36465F', skin=SKIN[0], hair=HAIR[0], arms=('down', 'down'), face='smile'))
    p.add(person(640, 500, 1.04, shirt=PINK, pants='#5E4A6B', skin=SKIN[0], hair=HAIR[1], style='long',
                 arms=('reach', 'down'), face='smile'))
    p.add(kid_a(300, 528, 1.0, arms=('down', 'reach'), face='smile'))
    p.add(bubble(210, 200, 76, 58, (282, 290)))
    p.add(ecig(171, 204, 60, 0, body=('#FF7EB3', '#7AF0FF'), s=0.6))
    p.add(no_sign(210, 200, 40))
    p.add(hearts([(585, 230, 0.45), (640, 200, 0.32)]))
    p.add(frame_edge())
    return p


# ---------------------------------------------------------------- milk-tea-ktv
def ktv_room(p):
    p.add(bg_room(p, '#F3ECFA', '#E2D6F0', '#E8DAC8', fy=420))
    scr = p.grad([(0, '#6C5CE7'), (1, '#E84393')], 0, 0, 1, 1)
    p.add(rect(470, 90, 230, 140, rx=12, **S('#2B2F45', '#101320', 5)))
    p.add(rect(482, 102, 206, 116, rx=6, **F(scr)))
    for i, h in enumerate((40, 70, 55, 85, 50)):
        p.add(rect(500 + i * 36, 200 - h, 18, h, rx=4, **F(WHITE, fill_opacity=0.55)))


def lin(x, y, s=1.0, arms=('down', 'down'), face='smile'):
    """Xiao Lin: a high-school girl with long hair."""
    return person(x, y, s, shirt=TEAL, pants='#36465F', skin=SKIN[0], hair=HAIR[0], style='long',
                  skirt='#2E7D74', arms=arms, face=face)


def lin_friend(x, y, s=1.0, arms=('down', 'down'), face='smile'):
    return person(x, y, s, shirt=PINK, pants='#3E3552', skin=SKIN[1], hair=HAIR[1], style='bun', arms=arms, face=face)


def milk_p2(soft):
    """Page 2: Xiao Lin looks closely: bright packaging, no date, no ingredients; she
    remembers her drug-prevention class."""
    p = Pic()
    ktv_room(p)
    p.add(shadow(220, 528, 130, 14, 0.14))
    p.add(lin(220, 528, 1.18, arms=('down', 'reach'), face='flat'))
    # the sachet, large, under a magnifying glass
    p.add(plain_sachet(470, 380, 1.25, -6))
    p.add(magnifier(450, 372, 64, 40))
    for x, y in ((620, 290), (660, 350)):
        p.add(qmark(x, y, 0.8, RED))
    # the class she remembers
    p.add(thought(210, 150, 120, 72, (230, 260)))
    p.add(chalkboard(140, 108, 140, 84))
    p.add(sachet(210, 150, 56, 38, '#FFD27A'))
    p.add(no_sign(210, 150, 34))
    p.add(frame_edge())
    return p


def milk_p3(soft):
    """Page 3: she says no, leaves with her best friend, and at home her father calls 110."""
    p = Pic()
    ktv_room(p)
    # the door out, open to the light
    p.add(rect(570, 250, 140, 180, rx=8, **F('#FFF6DC')))
    p.add(path('M570,250 L530,264 L530,444 L570,430 Z', **S('#A66CC6', sw=4)))
    p.add(shadow(400, 528, 250, 14, 0.14))
    p.add(lin(340, 528, 1.12, arms=('stop', 'reach'), face='smile'))
    p.add(lin_friend(450, 528, 1.08, arms=('reach', 'down'), face='smile'))
    p.add(plain_sachet(160, 470, 0.7, 8))
    p.add(no_sign(160, 470, 62))
    # inset: at home, her father calls the police
    p.add(circ(190, 190, 104, **S('#FFF4E2', GREY3, 5)))
    p.add(person(168, 286, 0.6, shirt=BLUE, pants='#36465F', skin=SKIN[0], hair=HAIR[0],
                 arms=('down', 'phone'), face='flat', items=[phone(34, -180, 8)]))
    p.add(shield(236, 128, 56, 66, fill=BLUE))
    p.add(frame_edge())
    return p


def milk_p4(soft):
    """Page 4: milk tea from a proper shop is not a drug; an unlabelled sachet from a
    stranger is what to watch out for."""
    p = Pic()
    p.add(bg_room(p, '#F7F2EA', '#EDE3D3', '#E3D3BC', fy=450))
    p.add(rect(80, 80, 300, 420, rx=30, **S('#E4F3E0', '#9ED27F', 5)))
    p.add(rect(420, 80, 300, 420, rx=30, **S('#FBE4E2', '#E8A09A', 5)))
    p.add(milk_cup(230, 440, 1.1))
    p.add(tick(122, 130, 34))
    p.add(plain_sachet(570, 330, 1.3, -10))
    p.add(qmark(570, 200, 1.1, RED))
    p.add(cross(678, 130, 34))
    p.add(frame_edge())
    return p


# ---------------------------------------------------------------- ketamine-bladder
def zhou(x, y, s=1.0, arms=('down', 'down'), face='flat'):
    """Xiao Zhou: a young man in his twenties."""
    return person(x, y, s, shirt='#5B8FD0', pants='#3B4A6B', skin=SKIN[1], hair=HAIR[1], style='short',
                  arms=arms, face=face)


def ket_p1(soft):
    """Page 1: at a night venue someone tells Xiao Zhou it "isn't addictive"; he believes it."""
    p = Pic()
    p.add(bg_room(p, '#3A2E62', '#5A4488', '#2E2746', fy=430))
    p.add(string_lights(96, soft=False))
    for i, (x, y, c) in enumerate(((140, 200, PINK), (320, 170, GOLD), (660, 190, TEAL), (560, 250, PINK))):
        p.add(circ(x, y, 26, **F(c, fill_opacity=0.35)))
    p.add(shadow(400, 525, 260, 16, 0.2))
    p.add(zhou(300, 524, 1.2, arms=('down', 'down'), face='flat'))
    p.add(person(470, 524, 1.16, shirt='#4A4660', pants='#2E2A40', skin=SKIN[0], hair=HAIR[2], style='cap',
                 vest='#2E2A40', arms=('reach', 'hip'), face='smile'))
    p.add(bubble(600, 170, 92, 62, (500, 270)))
    p.add(sachet(575, 172, 60, 40, '#E8E4F0'))
    p.add(smiley(640, 170, 20))
    p.add(di.warn(718, 252, 0.36))
    p.add(qmark(250, 220, 0.9, '#FFE3A0'))
    p.add(frame_edge(color='#1A1430'))
    return p


def ket_p2(soft):
    """Page 2: he sees things that are not there, forgets, and makes mistakes at work."""
    p = Pic()
    p.add(bg_room(p, '#EEF1F5', '#DCE2EA', '#C9C2B6', fy=420))
    p.add(window(600, 100, 130, 110, sky='#CFE3EA'))
    p.add(clock(520, 120))
    # wobbly shapes that are not there
    for i, (x, y, r, c) in enumerate(((330, 130, 34, PURPLE), (450, 110, 26, TEAL), (520, 200, 22, PINK))):
        p.add(jag(x, y, r, 7, 700 + i, c, 0.35))
    p.add(table_top(300, 420, 380, '#C8945E', legs=True, h=90))
    p.add(doc(330, 330, 90, 80, lines=4))
    p.add(cross(375, 365, 22))
    p.add(doc(560, 320, 90, 90, lines=4))
    p.add(cross(605, 362, 22))
    p.add(g(doc(0, 0, 80, 70, lines=3), t='translate(440 460) rotate(14)'))
    p.add(chair(90, 520))
    p.add(zhou(240, 520, 1.12, arms=('head', 'head'), face='sad'))
    p.add(thought(220, 150, 76, 48, (236, 246)))
    p.add(qmark(194, 150, 0.6))
    p.add(qmark(246, 150, 0.6))
    p.add(frame_edge())
    return p


def ket_p4(soft):
    """Page 4: his family goes with him to a qualified hospital for treatment; a fresh start."""
    p = Pic()
    p.add(rect(40, 40, 720, 520, rx=36, **F('#DDF0F7')))
    p.add(sun(140, 120, 36, GOLD, 12))
    p.add(cloud(300, 110, 0.7))
    p.add(building(420, 430, 300, 300, '#F2F4F7', win='#BFD9E8', cols=4, rows=4))
    p.add(rect(530, 340, 80, 90, rx=6, **S('#9AD0C9', sw=4)))
    p.add(cross_sign(570, 100, 32))
    p.add(path('M40,430 L760,430 L760,524 A36,36 0 0 1 724,560 L76,560 A36,36 0 0 1 40,524 Z', **F('#9ED27F')))
    p.add(path('M120,560 C260,520 420,470 560,432 L610,432 C480,480 330,530 250,560 Z', **F('#D9C9A8')))
    p.add(shadow(320, 520, 230, 14, 0.12))
    p.add(person(200, 520, 1.05, shirt=PURPLE, pants='#3E3552', skin=SKIN[1], hair=HAIR[3], style='bun',
                 arms=('down', 'reach'), face='smile'))
    p.add(zhou(320, 516, 1.1, arms=('reach', 'reach'), face='smile'))
    p.add(person(440, 514, 1.08, shirt=ORANGE, pants='#36465F', skin=SKIN[1], hair=HAIR[2], style='short',
                 arms=('reach', 'down'), face='smile'))
    p.add(sprout(700, 500, 0.6))
    p.add(hearts([(320, 230, 0.4)]))
    p.add(frame_edge())
    return p


# ---------------------------------------------------------------- meth-paranoia
def chen(x, y, s=1.0, arms=('down', 'down'), face='flat', shirt='#6B7FA8'):
    """Lao Chen: a father in his forties."""
    return person(x, y, s, shirt=shirt, pants='#3B4A6B', skin=SKIN[1], hair=HAIR[2], style='short', arms=arms, face=face)


def chen_family(x, y, s=1.0, face='smile', arms_up=False):
    """His wife, his daughter and his mother, side by side from x."""
    up = ('down', 'up') if arms_up else ('down', 'down')
    return [person(x, y, s, shirt=PURPLE, pants='#3E3552', skin=SKIN[0], hair=HAIR[1], style='long',
                   skirt='#5D3B82', arms=up, face=face),
            person(x + 80 * s, y, s * 0.7, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[2], style='pony',
                   arms=up, face=face),
            person(x + 150 * s, y, s * 0.92, shirt='#8FB8A8', pants='#5E6B7F', skin=SKIN[0], hair='#B8B2AA',
                   style='bun', arms=('down', 'down'), face=face)]


def meth_p1(soft):
    """Page 1: a happy family at home; outside, someone lies to Lao Chen that meth "isn't
    addictive"."""
    p = Pic()
    p.add(bg_room(p, '#FFF4E2', '#F6E6CC', '#E3CFB2', fy=430))
    # the house's lit room on the left, the dusk outside on the right
    p.add(path('M440,40 L724,40 A36,36 0 0 1 760,76 L760,430 L440,430 Z', **F('#7E7BB8')))
    p.add(path('M440,430 L760,430 L760,524 A36,36 0 0 1 724,560 L440,560 Z', **F('#9A948A')))
    p.add(rect(430, 150, 22, 280, **S('#B98A5E', sw=4)))
    p.add(rect(80, 110, 130, 96, rx=6, **S('#FFFFFF', '#B98A5E', 6)))
    for i, (x, c) in enumerate(((110, BLUE), (145, PURPLE), (180, ORANGE))):
        p.add(circ(x, 150, 13, **F(SKIN[i % 2])))
        p.add(rect(x - 14, 164, 28, 30, rx=10, **F(c)))
    p.add(hearts([(250, 130, 0.4)]))
    p.add(shadow(240, 526, 170, 14, 0.12))
    p.add(chen_family(130, 524, 0.95, face='smile'))
    p.add(shadow(580, 526, 140, 14, 0.2))
    p.add(chen(520, 524, 1.08, arms=('down', 'down'), face='flat'))
    p.add(person(650, 524, 1.06, shirt='#4A4660', pants='#2E2A40', skin=SKIN[0], hair=HAIR[2], style='cap',
                 vest='#2E2A40', arms=('reach', 'hip'), face='smile'))
    p.add(bubble(650, 140, 70, 50, (630, 250)))
    p.add(sachet(628, 142, 46, 30, '#E8E4F0'))
    p.add(smiley(676, 140, 16))
    p.add(di.warn(560, 200, 0.3))
    p.add(frame_edge())
    return p


def meth_p2_soft(soft=True):
    """Page 2 for children: Lao Chen is suspicious and cross, a storm over his head; his
    family are worried and sad."""
    p = Pic()
    p.add(bg_room(p, '#F1EEF7', '#E2DCEE', '#E6D7C4', fy=430))
    p.add(window(560, 100, 150, 120, sky='#CFE3EA'))
    p.add(shadow(260, 526, 120, 14, 0.14))
    p.add(chen(260, 524, 1.15, arms=('hip', 'hip'), face='sad'))
    p.add(cloud(260, 170, 1.0, '#8E8AA6'))
    for x in (230, 270):
        p.add(pline([(x, 200), (x - 10, 222), (x + 4, 222), (x - 6, 246)], **L(GOLD, 5)))
    p.add(qmark(360, 200, 0.7, '#8E8AA6'))
    p.add(shadow(560, 526, 170, 14, 0.12))
    p.add(chen_family(470, 524, 0.9, face='sad'))
    p.add(frame_edge())
    return p


def meth_p3(soft):
    """Page 3: at night he shouts at his mother, mistaking her for an enemy; the family is
    frightened. No blow is shown."""
    p = Pic()
    p.add(bg_room(p, '#1F1A38', '#342A55', '#221C3A', fy=440))
    p.add(window(330, 90, 130, 110, sky='#1A2240', night=True))
    p.add(rect(560, 150, 150, 290, rx=8, **F('#F6D9A4')))
    p.add(person(600, 440, 0.82, shirt=PURPLE, pants='#3E3552', skin=SKIN[0], hair=HAIR[1], style='long',
                 skirt='#5D3B82', arms=('fright', 'down'), face='open'))
    p.add(person(668, 440, 0.6, shirt=ORANGE, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[2], style='pony',
                 arms=('fright', 'fright'), face='open'))
    p.add(shadow(330, 524, 220, 14, 0.3))
    p.add(chen(230, 524, 1.18, arms=('down', 'stop'), face='open', shirt='#5E5A7A'))
    p.add(bubble(220, 150, 80, 52, (240, 250), fill='#F2D7DC', edge=RED, spiky=True))
    p.add(jag(220, 150, 30, 7, 811, RED, 0.9))
    p.add(person(440, 524, 1.0, shirt='#8FB8A8', pants='#5E6B7F', skin=SKIN[0], hair='#B8B2AA', style='bun',
                 arms=('fright', 'fright'), face='open'))
    p.add(frame_edge(color='#0A0818'))
    return p


def meth_p3_soft(soft=True):
    """Page 3 for children: the family asks the police for help; a kind officer listens."""
    p = Pic()
    p.add(bg_room(p, '#EEF4FA', '#DCE7F2', '#D9D2C6', fy=430))
    p.add(shield(620, 80, 110, 130, fill=BLUE))
    p.add(path(heart_path(620, 140, 0.5), **S(WHITE, sw=2)))
    p.add(police(620, 524, 1.12, arms=('reach', 'down'), face='smile'))
    p.add(table_top(420, 440, 320, '#9AA3B8', legs=True, h=80))
    p.add(doc(470, 360, 80, 60, lines=3))
    p.add(shadow(300, 526, 220, 14, 0.12))
    p.add(chen_family(120, 524, 0.96, face='flat'))
    p.add(hearts([(470, 250, 0.4)]))
    p.add(frame_edge())
    return p


def meth_p4(soft):
    """Page 4: Lao Chen is away in compulsory treatment; at home his chair is empty."""
    p = Pic()
    p.add(bg_room(p, '#3A3358', '#4E4670', '#2E2946', fy=430))
    p.add(window(560, 90, 140, 120, sky='#1A2240', night=True))
    p.add(calendar(110, 90, 130, 130, mark=(2, 2)))
    p.add(rect(280, 110, 130, 90, rx=6, **S('#FFFFFF', '#B98A5E', 6)))
    for i, (x, c) in enumerate(((305, '#6B7FA8'), (345, PURPLE), (385, ORANGE))):
        p.add(circ(x, 140, 12, **F(SKIN[1])))
        p.add(rect(x - 13, 152, 26, 34, rx=10, **F(c)))
    p.add(chen_family(250, 500, 0.9, face='sad'))
    p.add(chair_left(650, 510, '#B98A5E'))
    p.add(table_top(230, 430, 330, '#C8945E', legs=True, h=90))
    for x in (280, 360, 440, 520):
        p.add(ell(x, 410, 22, 8, **S(WHITE, GREY3, 3)))
    p.add(frame_edge(color='#1A1430'))
    return p


# ---------------------------------------------------------------- heroin-hiv
def hai(x, y, s=1.0, arms=('down', 'down'), face='flat', shirt='#7FA6C8'):
    """A Hai: a young man."""
    return person(x, y, s, shirt=shirt, pants='#3B4A6B', skin=SKIN[2], hair=HAIR[0], style='short', arms=arms, face=face)


def heroin_p1(soft):
    """Page 1: out of curiosity, young A Hai takes what a stranger offers in the street."""
    p = Pic()
    p.add(night_street(p, True))
    p.add(shadow(400, 526, 220, 14, 0.2))
    p.add(hai(320, 524, 1.16, arms=('down', 'reach'), face='open'))
    p.add(person(500, 524, 1.14, shirt='#4A4660', pants='#2E2A40', skin=SKIN[0], hair=HAIR[2], style='cap',
                 vest='#2E2A40', arms=('reach', 'down'), face='flat'))
    p.add(rect(402, 360, 16, 12, rx=3, **S(WHITE, GREY3, 2)))
    p.add(qmark(300, 210, 0.9, '#FFE3A0'))
    p.add(frame_edge())
    return p


def heroin_p2(soft):
    """Page 2: he spends everything, drifts from his family (and, in the full story, is
    infected with HIV: the red ribbon)."""
    p = Pic()
    sky = p.grad([(0, '#8E8AA6' if soft else '#4A4668'), (1, '#E8DCEB' if soft else '#8E7FA6')])
    p.add(rect(40, 40, 720, 520, rx=36, **F(sky)))
    p.add(path('M40,430 L760,430 L760,524 A36,36 0 0 1 724,560 L76,560 A36,36 0 0 1 40,524 Z',
               **F('#B5B2C4' if soft else '#6E6A80')))
    p.add(house(90, 430, 220, 170, heart=False))
    # the family at the window, missing him
    p.add(rect(110, 304, 54, 52, rx=4, **S('#FFE3A0', ICE, 3)))
    p.add(head(137, 336, 13, SKIN[2], HAIR[1]))
    p.add(rect(236, 304, 54, 52, rx=4, **S('#FFE3A0', ICE, 3)))
    p.add(head(254, 336, 12, SKIN[2], '#B8B2AA'))
    p.add(head(276, 342, 9, SKIN[2], HAIR[2]))
    p.add(shadow(520, 526, 110, 14, 0.2))
    p.add(hai(520, 524, 1.1, arms=('down', 'down'), face='sad', shirt='#8E8AA6'))
    p.add(wallet(650, 440, 0.8))
    p.add(cross(650, 360, 24))
    if not soft:
        p.add(ribbon(640, 150, 0.55))
        p.add(cloud(420, 130, 0.9, '#5A5678'))
    else:
        p.add(cloud(420, 130, 0.9, '#D8D6E4'))
    p.add(frame_edge())
    return p


def heroin_p3_soft(soft=True):
    """Page 3 for children: his friend is taken to hospital; A Hai is very frightened."""
    p = Pic()
    p.add(rect(40, 40, 720, 520, rx=36, **F('#DDEAF3')))
    p.add(building(360, 430, 360, 300, '#F2F4F7', win='#BFD9E8', cols=4, rows=4))
    p.add(cross_sign(540, 100, 30, RED))
    p.add(rect(500, 350, 80, 80, rx=6, **S('#9AD0C9', sw=4)))
    p.add(path('M40,430 L760,430 L760,524 A36,36 0 0 1 724,560 L76,560 A36,36 0 0 1 40,524 Z', **F('#C9C2B6')))
    p.add(ambulance(430, 500, 0.9))
    p.add(shadow(170, 526, 90, 14, 0.14))
    p.add(hai(170, 524, 1.12, arms=('head', 'head'), face='sad'))
    p.add(frame_edge())
    return p


def heroin_p4(soft):
    """Page 4: he finds the courage to go to a qualified hospital; the doctor and his
    family are ready to help."""
    p = Pic()
    p.add(rect(40, 40, 720, 520, rx=36, **F('#FFF3DC')))
    p.add(sun(660, 120, 34, GOLD, 12))
    p.add(rect(60, 80, 300, 350, rx=10, **S('#F2F4F7', GREY3, 4)))
    p.add(cross_sign(210, 150, 36))
    p.add(rect(160, 250, 100, 180, rx=6, **S('#9AD0C9', sw=4)))
    p.add(path('M40,430 L760,430 L760,524 A36,36 0 0 1 724,560 L76,560 A36,36 0 0 1 40,524 Z', **F('#9ED27F')))
    p.add(shadow(420, 526, 300, 14, 0.12))
    p.add(doctor(210, 524, 1.1, skin=SKIN[1], hair=HAIR[2], style='bun', face='smile'))
    p.add(hai(380, 524, 1.12, arms=('reach', 'down'), face='smile', shirt=BLUE))
    p.add(person(520, 524, 1.04, shirt=PURPLE, pants='#3E3552', skin=SKIN[2], hair=HAIR[1], style='long',
                 skirt='#5D3B82', arms=('reach', 'up'), face='smile'))
    p.add(person(630, 524, 1.06, shirt=ORANGE, pants='#36465F', skin=SKIN[2], hair='#B8B2AA', style='short',
                 arms=('down', 'up'), face='smile'))
    p.add(hearts([(450, 210, 0.45), (580, 190, 0.32)]))
    p.add(frame_edge())
    return p


# ---------------------------------------------------------------- turning-point
def yang(x, y, s=1.0, arms=('down', 'down'), face='flat', shirt=BLUE, vest=None):
    """Xiao Yang: a young man."""
    return person(x, y, s, shirt=shirt, pants='#3B4A6B', skin=SKIN[0], hair=HAIR[0], style='short', arms=arms,
                  face=face, vest=vest)


def turning_p1(soft):
    """Page 1: Xiao Yang wants to quit but fears punishment and scorn."""
    p = Pic()
    p.add(bg_room(p, '#B9B6CC', '#A6A2BE', '#8E8AA6', fy=430))
    p.add(window(560, 100, 150, 130, sky='#7E7BA0'))
    for x in (580, 610, 640, 670):
        p.add(line(x, 120, x - 8, 150, **L('#CFCBE0', 3)))
        p.add(line(x + 10, 170, x + 2, 200, **L('#CFCBE0', 3)))
    p.add(shadow(300, 526, 120, 14, 0.2))
    p.add(yang(300, 524, 1.18, arms=('head', 'down'), face='sad', shirt='#8E8AA6'))
    p.add(thought(300, 150, 150, 74, (300, 260)))
    p.add(gavel(230, 158, 0.45, -30))
    for x in (330, 390):
        p.add(circ(x, 150, 26, **S('#E0AE82', sw=3)))
        p.add(circ(x - 8, 146, 3, **F(INK)))
        p.add(circ(x + 8, 146, 3, **F(INK)))
        p.add(path('M%d,162 Q%d,154 %d,162' % (x - 9, x, x + 9), **L('#8A4B3A', 3)))
    p.add(frame_edge())
    return p


def turning_p2(soft):
    """Page 2: with his family beside him he registers at the police station, and is told
    that coming forward is not punished."""
    p = Pic()
    p.add(bg_room(p, '#EEF4FA', '#DCE7F2', '#D9D2C6', fy=430))
    p.add(shield(400, 70, 110, 130, fill=BLUE))
    p.add(path(heart_path(400, 130, 0.5), **S(WHITE, sw=2)))
    p.add(police(600, 524, 1.12, arms=('reach', 'down'), face='smile'))
    p.add(table_top(480, 440, 260, '#9AA3B8', legs=True, h=80))
    p.add(doc(520, 356, 80, 66, lines=3))
    p.add(tick(700, 250, 28))
    p.add(shadow(300, 526, 220, 14, 0.12))
    p.add(person(160, 524, 1.02, shirt=PURPLE, pants='#3E3552', skin=SKIN[0], hair=HAIR[1], style='bun',
                 arms=('down', 'reach'), face='smile'))
    p.add(yang(280, 524, 1.1, arms=('down', 'reach'), face='flat'))
    p.add(person(400, 524, 1.06, shirt=ORANGE, pants='#36465F', skin=SKIN[0], hair='#B8B2AA', style='short',
                 arms=('reach', 'down'), face='smile'))
    p.add(frame_edge())
    return p


def turning_p4(soft):
    """Page 4: Xiao Yang has a new job; everyone is happy for him."""
    p = Pic()
    p.add(bg_room(p, '#FFF6DC', '#FBE9C0', '#E3CFB2', fy=440))
    p.add(window(90, 90, 200, 150, sky='#CFE3EA', inside=[sun(150, 140, 18, GOLD, 10)]))
    # a bakery counter with bread on the shelf
    p.add(rect(420, 90, 300, 16, rx=6, **S('#B98A5E', sw=3)))
    p.add(rect(420, 180, 300, 16, rx=6, **S('#B98A5E', sw=3)))
    for i, x in enumerate(range(450, 720, 60)):
        p.add(ell(x, 76, 24, 14, **S('#E0A85E', sw=3)))
        p.add(ell(x + 10, 166, 22, 14, **S('#D08A40', sw=3)))
    p.add(shadow(400, 526, 300, 14, 0.12))
    p.add(person(180, 524, 1.02, shirt=GREEN, pants='#3B4A6B', skin=SKIN[1], hair=HAIR[1], style='pony',
                 arms=('up', 'up'), face='smile'))
    p.add(yang(380, 524, 1.14, arms=('down', 'up'), face='smile', shirt=WHITE, vest=ORANGE))
    p.add(person(580, 524, 1.06, shirt=PURPLE, pants='#3E3552', skin=SKIN[0], hair=HAIR[2], style='short',
                 arms=('up', 'up'), face='smile'))
    for x, y, c in ((140, 300, PINK), (250, 270, GOLD), (500, 260, TEAL), (640, 290, PINK), (330, 230, GOLD)):
        p.add(poly(star(x, y, 12, 5), **F(c)))
    p.add(frame_edge())
    return p


# ---------------------------------------------------------------- files
FILES = {
    'vape-party-p1': lambda: vape_p1(True),
    'vape-party-p2': lambda: vape_p2(True),
    'vape-party-p3': lambda: vape_p3(True),
    'vape-party-p4': lambda: vape_p4(True),
    'milk-tea-ktv-p2': lambda: milk_p2(True),
    'milk-tea-ktv-p3': lambda: milk_p3(True),
    'milk-tea-ktv-p4': lambda: milk_p4(True),
    'ketamine-bladder-p1': lambda: ket_p1(False),
    'ketamine-bladder-p2': lambda: ket_p2(True),
    'ketamine-bladder-p4': lambda: ket_p4(True),
    'meth-paranoia-p1': lambda: meth_p1(True),
    'meth-paranoia-p2-soft': meth_p2_soft,
    'meth-paranoia-p3': lambda: meth_p3(False),
    'meth-paranoia-p3-soft': meth_p3_soft,
    'meth-paranoia-p4': lambda: meth_p4(False),
    'heroin-hiv-p1': lambda: heroin_p1(True),
    'heroin-hiv-p2': lambda: heroin_p2(False),
    'heroin-hiv-p2-soft': lambda: heroin_p2(True),
    'heroin-hiv-p3-soft': heroin_p3_soft,
    'heroin-hiv-p4': lambda: heroin_p4(True),
    'turning-point-p1': lambda: turning_p1(True),
    'turning-point-p2': lambda: turning_p2(True),
    'turning-point-p4': lambda: turning_p4(True),
}


def main():
    total = 0
    for name in sorted(FILES):
        n = di.write('img/cases/%s.svg' % name, FILES[name]().svg())
        total += n
        if n > 15000:
            print('warning: %s is %d bytes' % (name, n))
    print('wrote %d story page pictures (%d bytes) under %s' % (len(FILES), total, os.path.join(di.ART, 'img', 'cases')))


if __name__ == '__main__':
    main()
