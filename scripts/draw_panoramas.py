#!/usr/bin/env python3
"""Draw the 情景体验 panoramas as SVG sources under assets/art/pano/.

Each panorama is a 360° strip, 3600×900 units: x is the direction (yaw × 10, so x = 0 and
x = 3600 meet), y = 450 is the horizon (pitch 0); a pitch p lies at y = 450 − tan(p)·573
(573 = 3600 / 2π: the strip's cylinder radius). Hotspots in content/scenes.yaml give the
yaw and pitch of the person or object drawn here. `kioskctl media render assets/art/pano
assets/content/media/pano 4096x1024` rasterises them (`make art`). Reuses the shapes and
the SVG subset of draw_illustrations.py. Standard library only; deterministic.
"""
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import draw_illustrations as d  # noqa: E402

from draw_illustrations import (Pic, g, rect, circ, ell, line, poly, path, person, S, F, L, tr,  # noqa: E402
                                dark, light, sachet, ecig, karst, building, star, SKIN, HAIR, WHITE,
                                NAVY, NAVY2, RED, TEAL, GOLD, GREEN, GREEN2, ORANGE, PINK, PURPLE, BLUE,
                                BROWN, GREY1, GREY2, GREY3, GREY4, CREAM, SKY, ICE)

W, H = 3600, 900
OUT = os.path.normpath(os.path.join(HERE, '..', 'assets', 'art', 'pano'))
FEET = 650  # where standing people's feet are


def at(yaw, pitch):
    """The strip point of a direction, as hotspots name it."""
    return yaw * 10.0, 450 - math.tan(math.radians(pitch)) * 573


def pano():
    return Pic(W, H)


def wrap(items, x0, x1):
    """Draw items that straddle the seam twice, shifted by ±W, so the seam is invisible."""
    out = [items]
    if x0 < 0:
        out.append(g(items, t='translate(%d 0)' % W))
    if x1 > W:
        out.append(g(items, t='translate(%d 0)' % -W))
    return out


def sky(p, top, bottom, y1=520):
    return rect(-10, -10, W + 20, y1 + 10, **F(p.grad([(0, top), (1, bottom)])))


def ground(p, c1, c2, y0=520):
    return rect(-10, y0, W + 20, H - y0 + 10, **F(p.grad([(0, c1), (1, c2)])))


def wall(p, c1, c2, y1=560):
    return rect(-10, -10, W + 20, y1 + 10, **F(p.grad([(0, c1), (1, c2)])))


def tree(x, base, s=1.0, leaf=GREEN):
    return g([rect(-14, -150, 28, 150, rx=8, **S(BROWN)),
              circ(0, -200, 80, **S(leaf)), circ(-55, -160, 55, **S(light(leaf, 0.12))),
              circ(55, -165, 58, **S(dark(leaf, 0.08)))], t=tr(x, base, s))


def kid(x, s=1.15, **kw):
    return person(x, FEET + 20, s, **kw)


def adult(x, s=1.5, **kw):
    return person(x, FEET, s, **kw)


def table(x, y, w, color='#B98A5E', h=130):
    return [rect(x + 20, y, 16, h, rx=6, **S(dark(color, 0.1), sw=3)),
            rect(x + w - 36, y, 16, h, rx=6, **S(dark(color, 0.1), sw=3)),
            rect(x, y - 16, w, 26, rx=9, **S(color, sw=4))]


def window(x, y, w, h, glass, frame=WHITE):
    return [rect(x, y, w, h, rx=10, **S(glass, dark(frame, 0.25), 6)),
            line(x + w / 2.0, y, x + w / 2.0, y + h, **L(frame, 8)),
            line(x, y + h / 2.0, x + w, y + h / 2.0, **L(frame, 8))]


def candy_packs(x, y, s=1.0):
    cols = (PINK, GOLD, '#6C5CE7', ORANGE, TEAL)
    return g([sachet(-60 + i * 30, (i % 2) * 12, 46, 64, c, r=-12 + i * 6) for i, c in enumerate(cols)], t=tr(x, y, s))


# ------------------------------------------------------------------ school gate
def school_gate():
    p = pano()
    p.add(sky(p, '#9FD3F0', '#E6F4FA'), ground(p, '#C9C4BA', '#A8A296'))
    p.add(karst(470, -40, W + 40, seed=7, scale=1.3))
    # road with a zebra crossing, pavement
    p.add(rect(-10, 600, W + 20, 140, **F('#7D8290')))
    p.add([rect(x, 660, W, 6, **F('#F4F0E0')) for x in (0,)])
    p.add([rect(2900 + i * 70, 610, 40, 120, rx=4, **F('#F4F0E0')) for i in range(6)])
    # the school: building, gate pillars and fence
    p.add(building(1350, 520, 1100, 300, '#F2E3C6', cols=9, roof='flat'))
    p.add(rect(1820, 150, 160, 60, rx=10, **S(RED)))
    p.add([star(1900, 180, 20) and poly(star(1900, 180, 22, 9), **F(GOLD))])
    for x in (1500, 2300):
        p.add(rect(x - 40, 300, 80, 300, rx=6, **S('#D9D2C4')))
    p.add(rect(1460, 280, 880, 40, rx=8, **S('#B84A3E')))
    for x in range(200, 1460, 60):
        p.add(line(x, 470, x, 600, **L(GREY4, 8)))
    for x in range(2340, 3400, 60):
        p.add(line(x, 470, x, 600, **L(GREY4, 8)))
    p.add(line(200, 490, 1460, 490, **L(GREY4, 8)), line(2340, 490, 3400, 490, **L(GREY4, 8)))
    # guard booth and guard
    p.add(rect(2480, 360, 220, 250, rx=12, **S('#DCE6EE')), window(2510, 390, 160, 100, SKY))
    p.add(adult(2750, 1.4, shirt=NAVY2, style='cap', vest=NAVY2, arms=('down', 'down')))
    # trees and a shop
    for x, s in ((120, 1.3), (700, 1.1), (3250, 1.25), (3500, 1.0)):
        p.add(tree(x, 600, s))
    p.add(building(3000, 600, 240, 220, '#F6C77A', cols=2), rect(2990, 380, 260, 40, rx=8, **S(TEAL)))
    # parents waiting
    p.add(adult(480, 1.45, shirt=BLUE, style='short', hair=HAIR[1]))
    p.add(adult(600, 1.4, shirt=PINK, style='long', skirt=PINK, hair=HAIR[2]))
    # classmate with a school bag (hotspot yaw 95)
    p.add(rect(905, 500, 70, 90, rx=20, **S(ORANGE)))
    p.add(kid(950, 1.2, shirt='#4FA3E0', style='pony', hair=HAIR[0], arms=('hold', 'down'),
              items=[sachet(-16, -104, 26, 34, PINK)]))
    # the stranger with bright candy packets (hotspot yaw 200)
    p.add(rect(1870, 560, 150, 90, rx=10, **S('#8E6B4A')))
    p.add(candy_packs(1945, 540, 0.9))
    p.add(adult(2000, 1.5, shirt='#6B6F7A', style='cap', vest='#3A3F55', face='smile', arms=('reach', 'down'),
                items=[candy_packs(70, -135, 0.45)]))
    # a kid walking home on the right
    p.add(kid(1250, 1.1, shirt=GREEN, style='short'))
    return p


# ------------------------------------------------------------------ milk tea
def milk_tea():
    p = pano()
    p.add(sky(p, '#FFC98F', '#FCE7CF'), ground(p, '#D8CDBE', '#BDAF9C'))
    p.add(karst(470, -40, W + 40, seed=11, scale=1.2, colors=('#C9D9B8', '#A8C58F', '#8AB375')))
    p.add(building(100, 560, 420, 330, '#E9D6C0', cols=4), building(2700, 560, 700, 300, '#F2E3C6', cols=6, roof='flat'))
    # the milk-tea shop: awning and a big cup sign
    p.add(rect(950, 240, 600, 340, rx=12, **S('#FFF3E2')))
    for i in range(8):
        p.add(rect(940 + i * 77, 230, 77, 60, **F(PINK if i % 2 == 0 else WHITE)))
    p.add(rect(1020, 320, 240, 200, rx=8, **S(SKY, ICE, 4)), rect(1320, 320, 150, 260, rx=8, **S('#B98A5E')))
    p.add(path('M1180,120 L1300,120 L1285,220 L1195,220 Z', **S('#F3D2A2')), rect(1170, 108, 140, 18, rx=6, **S(PINK)),
          line(1260, 80, 1240, 120, **L(GREY4, 8)))
    # bench, the friend Xiao Yu (hotspot yaw 185)
    p.add(rect(1700, 560, 300, 24, rx=8, **S('#B98A5E')), rect(1720, 584, 16, 60, **S(GREY4)), rect(1964, 584, 16, 60, **S(GREY4)))
    p.add(kid(1850, 1.25, shirt='#E86A8E', style='long', skirt='#3B4A6B', hair=HAIR[2], arms=('reach', 'down'),
              items=[sachet(86, -128, 30, 40, '#C86BFA', r=-10)]))
    # a small table with the flashy packet (hotspot yaw 235, pitch −12)
    p.add(table(2260, 600, 180, '#D8B48A'))
    p.add(sachet(2350, 560, 70, 90, '#C86BFA', r=8, band=GOLD))
    p.add(sachet(2300, 572, 46, 60, '#FF7AB6', r=-14))
    # you and a school in the distance; trees
    for x, s in ((600, 1.2), (2600, 1.1), (3500, 1.3)):
        p.add(tree(x, 600, s))
    p.add(kid(750, 1.1, shirt=BLUE, style='short'), kid(3100, 1.1, shirt=TEAL, style='bun'))
    return p


# ------------------------------------------------------------------ KTV
def ktv():
    p = pano()
    p.add(wall(p, '#2A1B4A', '#4A2C6E'), ground(p, '#3A2850', '#24173A', 560))
    # neon strips and a mirror ball
    for y, c in ((120, '#FF5FA2'), (150, '#5FE3FF')):
        p.add(line(0, y, W, y, **L(c, 8, opacity=0.8)))
    p.add(circ(900, 230, 60, **S('#D8DCE8')))
    for i in range(6):
        p.add(line(900 + math.cos(i) * 70, 230 + math.sin(i) * 70, 900 + math.cos(i) * 260, 230 + math.sin(i) * 260,
                   **L('#FFF6A8', 6, opacity=0.4)))
    # the big screen
    p.add(rect(1300, 200, 560, 300, rx=16, **S('#10121E', '#6B6F90', 8)),
          rect(1330, 230, 500, 240, rx=8, **F(p.grad([(0, '#5FE3FF'), (1, '#C86BFA')], 0, 0, 1, 1)))),
    p.add(circ(1580, 350, 70, **F(WHITE, fill_opacity=0.35)))
    # sofa along the wall
    p.add(rect(100, 460, 1100, 170, rx=40, **S('#7A3E8E')), rect(2250, 460, 1250, 170, rx=40, **S('#7A3E8E')))
    # friends on the sofa
    p.add(adult(400, 1.4, shirt=TEAL, style='short'), adult(700, 1.4, shirt=GOLD, style='long', skirt=NAVY2, hair=HAIR[1]),
          adult(3000, 1.4, shirt=ORANGE, style='bun', arms=('up', 'down')), adult(3300, 1.4, shirt=BLUE, style='short'))
    # the host with a party hat and tablets (hotspot yaw 180)
    p.add(adult(1800, 1.55, shirt=RED, style='short', arms=('reach', 'down'), hair=HAIR[2],
                items=[poly([(-22, -212), (22, -212), (0, -262)], **S(GOLD)), circ(0, -264, 8, **F(PINK)),
                       circ(84, -130, 7, **S('#FF7AB6')), circ(98, -126, 7, **S('#7AE0FF')), circ(90, -140, 7, **S('#B6FF7A'))]))
    # the table with cake and cans (hotspot yaw 250, pitch −14)
    p.add(table(2330, 620, 360, '#5A4A6A'))
    p.add(rect(2380, 560, 90, 50, rx=10, **S('#FFF3E2')), rect(2380, 545, 90, 18, rx=6, **S(PINK)),
          line(2425, 520, 2425, 545, **L(GOLD, 6)))
    for i, c in enumerate(('#3FC1A8', '#F2B233', '#3FC1A8')):
        p.add(rect(2520 + i * 50, 550, 40, 70, rx=8, **S(c)), rect(2520 + i * 50, 565, 40, 16, **F(WHITE, fill_opacity=0.6)))
    # the door
    p.add(rect(3480, 250, 110, 320, rx=8, **S('#5A3A6E')))
    return p


# ------------------------------------------------------------------ bedroom, online chat
def bedroom():
    p = pano()
    p.add(wall(p, '#2E3F66', '#42557E'), ground(p, '#8A6E55', '#6E5542', 560))
    # door, window with moon, desk and laptop
    p.add(rect(300, 220, 200, 360, rx=10, **S('#C9A67E')), circ(470, 400, 10, **F(GOLD)))
    p.add(window(700, 160, 320, 240, '#1B2744'), circ(780, 230, 34, **F('#FFF2B0')))
    for sx, sy in ((920, 210), (860, 330), (960, 300)):
        p.add(poly(star(sx, sy, 10, 4), **F('#FFF2B0')))
    p.add(table(1100, 500, 380, '#B98A5E'))
    p.add(d.laptop(1290, 484, 180))
    p.add(rect(1150, 430, 70, 54, rx=6, **S(CREAM)))
    # the bed with the glowing phone (hotspot yaw 180, pitch −6)
    p.add(rect(1550, 420, 60, 200, rx=10, **S('#B98A5E')))
    p.add(rect(1560, 500, 620, 120, rx=24, **S('#7FA6D8')), rect(1580, 470, 150, 60, rx=20, **S(WHITE)))
    p.add(circ(1800, 505, 55, **F('#9FE8FF', fill_opacity=0.35)))
    p.add(g([rect(-24, -40, 48, 80, rx=10, **S('#2B2F45', sw=4)), rect(-18, -32, 36, 60, rx=4, **F('#9FE8FF')),
             rect(-12, -24, 24, 8, rx=4, **F(WHITE)), rect(-12, -10, 18, 8, rx=4, **F(PINK))], t=tr(1800, 510, 1.0, -20)))
    # a lamp and a wardrobe
    p.add(rect(2250, 420, 120, 200, rx=10, **S('#B98A5E')), path('M2270,420 L2350,420 L2330,340 L2290,340 Z', **S(GOLD)))
    p.add(circ(2310, 360, 90, **F('#FFE9A8', fill_opacity=0.18)))
    # the mirror (hotspot yaw 290, pitch 4)
    p.add(ell(2900, 410, 120, 190, **S('#BFD8E8', '#C9A67E', 14)),
          line(2840, 330, 2880, 290, **L(WHITE, 10, opacity=0.6)))
    p.add(rect(3200, 160, 330, 440, rx=12, **S('#A88866')), line(3365, 160, 3365, 600, **L(dark('#A88866'), 6)))
    p.add(rect(-10, 600, W + 20, 16, **F('#5A4535')))
    return p


# ------------------------------------------------------------------ basketball court
def court():
    p = pano()
    p.add(sky(p, '#F7A86B', '#FFE0B5'), ground(p, '#C85A3C', '#A8472E'))
    p.add(karst(470, -40, W + 40, seed=5, scale=1.1, colors=('#B7C9A0', '#96B37E', '#789E63')))
    p.add(building(2200, 520, 500, 260, '#E9D6C0', cols=4), building(200, 520, 380, 220, '#DCC8B0', cols=3))
    # court lines, the hoop
    p.add(line(-10, 600, W + 10, 600, **L(WHITE, 8)), path('M700,900 C800,640 1600,640 1700,900', **L(WHITE, 8)))
    p.add(rect(1180, 180, 20, 440, **S(GREY4)), rect(1080, 150, 220, 150, rx=6, **S(WHITE, GREY3, 6)),
          rect(1150, 210, 80, 60, **L(RED, 6)), ell(1190, 300, 50, 12, **L(ORANGE, 8)))
    # fence
    for x in range(0, W, 80):
        p.add(line(x, 380, x, 520, **L(GREY3, 5)))
    p.add(line(0, 390, W, 390, **L(GREY3, 6)))
    # players
    p.add(adult(900, 1.4, shirt=BLUE, style='short', arms=('up', 'down')),
          circ(980, 300, 30, **S(ORANGE)), adult(1400, 1.4, shirt=GOLD, style='short'))
    # the older boy with a vape (hotspot yaw 190)
    p.add(adult(1900, 1.55, shirt='#3A3F55', style='short', hair=HAIR[2], arms=('reach', 'down'),
                items=[ecig(62, -132, 70, -15, s=0.55)]))
    # bench with water bottles and a ball
    p.add(rect(2400, 600, 360, 24, rx=8, **S('#B98A5E')), rect(2420, 624, 16, 40, **S(GREY4)), rect(2724, 624, 16, 40, **S(GREY4)))
    p.add(rect(2480, 556, 30, 50, rx=8, **S(SKY, ICE, 3)), circ(2620, 570, 32, **S(ORANGE)))
    # the coach with whistle and clipboard (hotspot yaw 300)
    p.add(adult(3000, 1.5, shirt=TEAL, style='cap', vest=TEAL, arms=('hold', 'down'), hair=HAIR[0],
                items=[rect(-58, -128, 40, 54, rx=6, **S(CREAM)), circ(0, -145, 6, **F(GOLD))]))
    for x, s in ((3350, 1.3), (150, 1.1)):
        p.add(tree(x, 560, s))
    return p


# ------------------------------------------------------------------ classroom at night
def classroom():
    p = pano()
    p.add(wall(p, '#E8E0CF', '#D8CDB6'), ground(p, '#B6A082', '#9C8768', 560))
    # windows with evening sky
    for x in (150, 520, 2700, 3070):
        p.add(window(x, 170, 280, 260, '#2E3F66'))
    # the blackboard with chalk scribbles and the calendar (hotspot yaw 120, pitch 10)
    p.add(rect(1400, 150, 1000, 320, rx=10, **S('#2F5A46', '#7A5A3A', 12)))
    for i in range(4):
        p.add(path(d.wave(1460, 210 + i * 60, 40, 8, 10 + i), **L(WHITE, 5, opacity=0.6)))
    p.add(rect(1120, 250, 160, 190, rx=8, **S(WHITE, GREY3, 4)), rect(1120, 250, 160, 46, rx=8, **S(RED)))
    for r in range(3):
        for c in range(4):
            p.add(rect(1136 + c * 36, 312 + r * 38, 24, 26, rx=4, **F(GREY1)))
    p.add(circ(1244, 388, 20, **L(RED, 6)))
    p.add(circ(2550, 200, 50, **S(WHITE, GREY4, 6)), line(2550, 200, 2550, 168, **L(GREY4, 6)), line(2550, 200, 2574, 210, **L(GREY4, 6)))
    # desks with book stacks
    for x in (300, 800, 2500, 3000):
        p.add(table(x, 610, 260, '#C9A67E'))
        p.add(rect(x + 40, 556, 120, 20, rx=4, **S(BLUE)), rect(x + 50, 536, 110, 20, rx=4, **S(ORANGE)))
    # your desk, the deskmate Xiao Lin (hotspot yaw 200)
    p.add(table(1650, 640, 300, '#C9A67E'), rect(1700, 586, 130, 22, rx=4, **S(GREEN)), rect(1710, 564, 120, 22, rx=4, **S(RED)))
    p.add(kid(2000, 1.3, shirt='#4FA3E0', style='short', hair=HAIR[1], arms=('reach', 'down'),
              items=[circ(80, -130, 8, **S(WHITE, GREY3, 3)), circ(92, -136, 8, **S(WHITE, GREY3, 3))]))
    p.add(kid(1300, 1.2, shirt=PINK, style='pony', face='flat'), kid(2750, 1.2, shirt=TEAL, style='short', face='flat'))
    return p


PANORAMAS = {
    'school-gate': school_gate,
    'milk-tea': milk_tea,
    'ktv-party': ktv,
    'diet-pills': bedroom,
    'vape': court,
    'exam-week': classroom,
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, fn in sorted(PANORAMAS.items()):
        text = fn().svg()
        with open(os.path.join(OUT, name + '.svg'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
        print('%s: %d bytes' % (name, len(text)))


if __name__ == '__main__':
    main()
