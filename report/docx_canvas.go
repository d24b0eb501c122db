package report

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// canvas is a picture for the Word document, drawn with the standard library in the PDF's
// units (millimetres) and typeface, at pxPerMM pixels a millimetre: sharp in print, a few
// dozen kilobytes as PNG.
type canvas struct {
	img *image.RGBA
	*typeface
}

// pxPerMM is the pictures' resolution: 8 pixels a millimetre is about 200 dots an inch.
const pxPerMM = 8.0

func newCanvas(w, h float64) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, px(w), px(h))), typeface: newTypeface()}
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	return c
}

// px converts millimetres to pixels.
func px(mm float64) int { return int(mm*pxPerMM + 0.5) }

func (c rgb) rgba() color.RGBA { return color.RGBA{uint8(c.r), uint8(c.g), uint8(c.b), 255} }

// rect fills a rectangle.
func (c *canvas) rect(x, y, w, h float64, fill rgb) {
	draw.Draw(c.img, image.Rect(px(x), px(y), px(x+w), px(y+h)), image.NewUniform(fill.rgba()), image.Point{}, draw.Src)
}

// vline draws a vertical line of a width, dashed when dash (on, off) is given.
func (c *canvas) vline(x, y1, y2, width float64, colour rgb, dash ...float64) {
	for y := y1; y < y2; {
		end := y2
		if len(dash) == 2 {
			end = min(y+dash[0], y2)
		}
		c.rect(x-width/2, y, width, end-y, colour)
		if len(dash) != 2 {
			break
		}
		y = end + dash[1]
	}
}

// triangleDown fills a triangle pointing down with its top edge from x-half to x+half at y
// and its tip h below.
func (c *canvas) triangleDown(x, y, half, h float64, fill rgb) {
	top, bottom := px(y), px(y+h)
	for row := top; row < bottom; row++ {
		f := 1 - float64(row-top)/float64(max(bottom-top, 1))
		c.rect(x-half*f, float64(row)/pxPerMM, 2*half*f, 1/pxPerMM, fill)
	}
}

// faces are the typeface's styles parsed once, for drawing text.
var faces = sync.OnceValue(func() map[string]*opentype.Font {
	out := map[string]*opentype.Font{}
	for _, f := range fontFaces {
		if parsed, err := opentype.Parse(f.ttf); err == nil {
			out[f.style] = parsed
		}
	}
	return out
})

// typeface is the report's typeface at the pictures' resolution, in the sizes and styles
// asked for: it draws the pictures' text and measures words for the tables' column widths.
type typeface struct {
	faces map[textStyle]font.Face // made on first use: a face is not safe to share between exports
}

func newTypeface() *typeface { return &typeface{faces: map[textStyle]font.Face{}} }

// face is a style of the typeface at a size; nil when the embedded font cannot be read, and
// then nothing is drawn or measured.
func (t *typeface) face(s textStyle) font.Face {
	if f, ok := t.faces[s]; ok {
		return f
	}
	f, ok := faces()[s.face]
	if !ok {
		f = faces()[""]
	}
	if f == nil {
		return nil
	}
	out, err := opentype.NewFace(f, &opentype.FaceOptions{Size: s.size, DPI: pxPerMM * 25.4, Hinting: font.HintingNone})
	if err != nil {
		out = nil
	}
	t.faces[s] = out
	return out
}

// longestWord is the width of the widest word of text in a style, in millimetres.
func (t *typeface) longestWord(text string, s textStyle) float64 {
	f := t.face(s)
	w := 0.0
	for _, word := range strings.Fields(drawable(text, true)) {
		w = max(w, textWidth(word, f))
	}
	return w
}

// textWidth is how wide text is in a face, in millimetres.
func textWidth(text string, f font.Face) float64 {
	if f == nil {
		return 0
	}
	return float64(font.MeasureString(f, text)) / 64 / pxPerMM
}

// text draws one line of text in a box of width w and height h whose top left is (x, y),
// aligned left ("L"), centred ("C") or right ("R") and centred vertically, shortened with an
// ellipsis when it does not fit.
func (c *canvas) text(x, y, w, h float64, text string, s textStyle, align string) {
	f := c.face(s)
	if f == nil {
		return
	}
	text = ellipsise(drawable(text, false), w, func(t string) float64 { return textWidth(t, f) })
	tw := textWidth(text, f)
	switch align {
	case "C":
		x += (w - tw) / 2
	case "R":
		x += w - tw
	}
	m := f.Metrics()
	baseline := float64(px(y)) + (float64(px(h))+float64(m.Ascent-m.Descent)/64)/2
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(s.colour.rgba()), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * pxPerMM * 64), Y: fixed.Int26_6(baseline * 64)}}
	d.DrawString(text)
}

// textUp draws text turned a quarter to the left, reading upwards, centred on (x, y).
func (c *canvas) textUp(x, y float64, text string, s textStyle) {
	f := c.face(s)
	if f == nil {
		return
	}
	w, h := textWidth(text, f)+1, s.size*0.5
	flat := newCanvas(w, h)
	flat.text(0, 0, w, h, text, s, "C")
	fb := flat.img.Bounds()
	left, top := px(x)-fb.Dy()/2, px(y)-fb.Dx()/2
	for fy := 0; fy < fb.Dy(); fy++ {
		for fx := 0; fx < fb.Dx(); fx++ {
			if p := flat.img.RGBAAt(fx, fy); p != (color.RGBA{255, 255, 255, 255}) {
				c.img.SetRGBA(left+fy, top+fb.Dx()-1-fx, p)
			}
		}
	}
}

// png encodes the picture.
func (c *canvas) png() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, c.img); err != nil {
		return nil
	}
	return b.Bytes()
}
