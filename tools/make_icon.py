"""Draw Rondplan's icon (PNG and multi-size ICO) into resources/icons/.

A calm blue rounded square with a white route of three stops: a round of visits.
Run once when the design changes; the results are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 512
BLUE = (26, 77, 143, 255)
WHITE = (255, 255, 255, 255)
ACCENT = (255, 196, 61, 255)


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=BLUE)
    stops = [(140, 360), (250, 170), (372, 320)]
    pen.line(stops, fill=WHITE, width=34, joint="curve")
    for i, (x, y) in enumerate(stops):
        r = 46 if i < 2 else 54
        pen.ellipse((x - r, y - r, x + r, y + r), fill=WHITE)
        inner = r - 18
        colour = ACCENT if i == len(stops) - 1 else BLUE
        pen.ellipse((x - inner, y - inner, x + inner, y + inner), fill=colour)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.LANCZOS).save(OUT / "rondplan.png")
    image.save(
        OUT / "rondplan.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )


if __name__ == "__main__":
    main()
