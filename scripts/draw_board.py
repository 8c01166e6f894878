#!/usr/bin/env python3
"""Draw the 禁毒大富翁 board's Guiyang landmarks as SVG sources under assets/art/img/board/.

Flat illustrations in the style (and with the helpers) of draw_illustrations.py; `make art`
renders them to the PNGs that content/board.yaml names. Landmarks are drawn as simple,
recognisable silhouettes, not as architectural records. Standard library only.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from draw_illustrations import (  # noqa: E402
    ART, BLUE, CREAM, GOLD, GREEN, GREEN2, GREY2, GREY3, LEAF, NAVY, RED, SKY, WHITE,
    F, L, Pic, S, circ, cloud, dark, ell, g, light, path, poly, rect, shadow, star, sun, tr, wave)

BG_BOARD = '#DCEAF2'   # pale sky stage behind every landmark
ROOF = '#3E5C76'
WALL = '#E9D9BC'
STONE = '#B9AE9C'
WATER = '#6FB0D8'


def base(pic):
    pic.add(circ(400, 300, 265, **F(BG_BOARD)))
    return pic


def water(y, w=520, x=140):
    o = [rect(x, y, w, 90, rx=40, **F(WATER))]
    for i in range(3):
        o.append(path(wave(x + 40 + i * 30, y + 24 + i * 22, 38, 7, 10), **L(light(WATER, 0.5), 5)))
    return o


def tier_roof(cx, y, w, h, color=ROOF):
    """A Chinese roof with upturned eaves."""
    return path('M%d,%d Q%d,%d %d,%d L%d,%d Q%d,%d %d,%d Z' % (
        cx - w / 2 - 18, y + h - 10, cx - w / 2, y + h, cx - w / 2 + 16, y,
        cx + w / 2 - 16, y, cx + w / 2, y + h, cx + w / 2 + 18, y + h - 10), **S(color, sw=4))


def pavilion(cx, y, tiers=3, w0=230):
    """A tiered pavilion standing on y (its base line)."""
    o = []
    w = w0
    top = y
    for i in range(tiers):
        body_h = 62 - i * 6
        o.append(rect(cx - w / 2 + 24, top - body_h, w - 48, body_h, **S('#C0392B', sw=4)))
        for k in range(3):
            x = cx - w / 2 + 40 + k * (w - 80) / 2
            o.append(rect(x - 10, top - body_h + 14, 20, body_h - 20, rx=3, **F(GOLD)))
        top -= body_h
        o.append(tier_roof(cx, top - 34, w + 10, 38))
        top -= 34
        w -= 50
    o.append(circ(cx, top - 12, 12, **S(GOLD, sw=3)))
    return o


def huaguoyuan():
    p = base(Pic())
    p.add(cloud(300, 120, 0.6), shadow(400, 470, 250))
    for x, h, c in ((170, 230, '#8FA9C8'), (240, 290, '#A7BCD6'), (560, 270, '#A7BCD6'), (630, 210, '#8FA9C8')):
        p.add(rect(x - 30, 470 - h, 60, h, rx=6, **S(c, sw=4)))
        for r in range(470 - h + 20, 460, 28):
            p.add(rect(x - 18, r, 36, 10, rx=2, **F(WHITE, fill_opacity=0.7)))
    for x in (345, 455):
        p.add(rect(x - 40, 110, 80, 360, rx=8, **S('#5B7FA8', sw=4)))
        for r in range(130, 460, 30):
            p.add(rect(x - 26, r, 52, 12, rx=2, **F(SKY)))
    p.add(rect(312, 135, 176, 26, rx=8, **S('#5B7FA8', sw=4)))
    # the start flag
    p.add(rect(396, 380, 8, 120, **F(NAVY)), poly([(404, 380), (480, 402), (404, 424)], **S(RED, sw=4)))
    p.add(rect(150, 470, 500, 18, rx=9, **F(GREEN2)))
    return p


def nanming_river():
    p = base(Pic())
    p.add(cloud(520, 120, 0.6))
    p.add(water(370))
    # a stone arch bridge over the river
    p.add(path('M150,380 L150,330 L650,330 L650,380 L600,380 Q560,300 520,380 L480,380 Q440,300 400,380 '
               'L360,380 Q320,300 280,380 L240,380 Q200,300 160,380 Z', **S(STONE, sw=5)))
    p.add(rect(140, 310, 520, 24, rx=6, **S('#CFC5B4', sw=4)))
    for x in range(160, 660, 40):
        p.add(rect(x, 290, 10, 24, **F(dark(STONE, 0.2))))
    p.add(path('M120,470 Q260,440 400,470 T680,470 L680,500 L120,500 Z', **F(GREEN)))
    return p


def jiaxiu_tower():
    p = base(Pic())
    p.add(cloud(300, 120, 0.6))
    p.add(water(400))
    p.add(path('M250,420 Q270,370 330,360 L470,360 Q530,370 550,420 Z', **S(STONE, sw=5)))
    p.add(pavilion(400, 365, tiers=3))
    return p


def wenchang_pavilion():
    p = base(Pic())
    p.add(cloud(520, 120, 0.6), shadow(400, 480, 230))
    p.add(rect(180, 390, 440, 90, **S(WALL, sw=5)))
    for x in range(190, 620, 44):
        p.add(rect(x, 372, 26, 22, **S(WALL, sw=3)))
    p.add(path('M360,480 L360,430 Q400,395 440,430 L440,480 Z', **F(dark(WALL, 0.5))))
    p.add(pavilion(400, 372, tiers=3, w0=200))
    return p


def zhucheng_square():
    p = base(Pic())
    p.add(sun(620, 140, 34), cloud(300, 120, 0.6))
    p.add(poly([(140, 480), (660, 480), (600, 420), (200, 420)], **S('#D8CFC0', sw=4)))
    for i in range(1, 4):
        y = 420 + i * 15
        p.add(path('M%d,%d L%d,%d' % (200 - i * 20, y, 600 + i * 20, y), **L(GREY3, 3)))
    # the column in the middle of the square
    p.add(rect(380, 170, 40, 250, rx=6, **S(CREAM, sw=4)))
    p.add(rect(360, 400, 80, 24, rx=4, **S(STONE, sw=4)), rect(370, 150, 60, 24, rx=4, **S(GOLD, sw=4)))
    p.add(poly(star(400, 120, 26), **S(GOLD, sw=3)))
    for x in (210, 290, 510, 590):
        p.add(rect(x - 5, 370, 10, 50, **F('#7A5A3A')), circ(x, 355, 32, **S(LEAF, sw=4)))
    return p


def qianling_mountain():
    p = base(Pic())
    p.add(cloud(520, 120, 0.6))
    p.add(poly([(140, 430), (300, 170), (460, 430)], **S(GREEN2, sw=5)))
    p.add(poly([(330, 430), (500, 200), (670, 430)], **S(GREEN, sw=5)))
    p.add(poly([(270, 220), (300, 170), (330, 220), (310, 210), (300, 225), (285, 210)], **F(light(GREEN2, 0.4))))
    p.add(water(410, w=440, x=180))
    # a macaque on a rock: the mountain's famous residents
    p.add(ell(560, 470, 60, 22, **S(STONE, sw=4)))
    p.add(ell(560, 420, 30, 36, **S('#9C7A55', sw=4)), circ(560, 372, 24, **S('#9C7A55', sw=4)),
          ell(560, 378, 15, 13, **F('#E8C9A8')), circ(553, 368, 3, **F(NAVY)), circ(567, 368, 3, **F(NAVY)),
          path('M590,440 Q630,430 620,395', **L('#7C5E40', 8)))
    return p


def qingyan_town():
    p = base(Pic())
    p.add(cloud(520, 120, 0.6), shadow(400, 485, 250))
    p.add(rect(150, 330, 500, 150, **S(STONE, sw=5)))
    for r in range(345, 480, 30):
        for c in range(160 + (r // 30 % 2) * 25, 600, 50):
            p.add(rect(c, r, 44, 24, rx=3, **F(light(STONE, 0.25))))
    p.add(path('M350,480 L350,400 Q400,340 450,400 L450,480 Z', **S('#5A4636', sw=5)))
    p.add(rect(290, 250, 220, 80, **S('#8E3B2E', sw=4)))
    for x in (320, 400, 480):
        p.add(rect(x - 12, 265, 24, 50, rx=3, **F(GOLD)))
    p.add(tier_roof(400, 205, 250, 46))
    p.add(tier_roof(400, 165, 150, 40))
    return p


def twin_towers():
    p = base(Pic())
    p.add(cloud(300, 120, 0.6), sun(620, 130, 30), shadow(400, 480, 200))
    for x in (330, 470):
        p.add(path('M%d,480 L%d,120 Q%d,80 %d,120 L%d,480 Z' % (x - 55, x - 55, x, x + 55, x + 55), **S('#4F78A8', sw=5)))
        for r in range(140, 470, 26):
            p.add(rect(x - 40, r, 80, 10, rx=2, **F(SKY, fill_opacity=0.9)))
    p.add(rect(385, 200, 30, 40, **S('#4F78A8', sw=4)))
    p.add(rect(150, 478, 500, 16, rx=8, **F(GREEN2)))
    return p


FILES = {
    'img/board/huaguoyuan.svg': huaguoyuan,
    'img/board/nanming-river.svg': nanming_river,
    'img/board/jiaxiu-tower.svg': jiaxiu_tower,
    'img/board/wenchang-pavilion.svg': wenchang_pavilion,
    'img/board/zhucheng-square.svg': zhucheng_square,
    'img/board/qianling-mountain.svg': qianling_mountain,
    'img/board/qingyan-town.svg': qingyan_town,
    'img/board/twin-towers.svg': twin_towers,
}


def main():
    for rel, fn in sorted(FILES.items()):
        full = os.path.join(ART, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8', newline='\n') as f:
            f.write(fn().svg())
    print('wrote %d board illustrations under %s' % (len(FILES), os.path.join(ART, 'img', 'board')))


if __name__ == '__main__':
    main()
