//go:build linux && cgo

package main

/*
#cgo LDFLAGS: -lX11 -lXext -lXtst
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/XTest.h>

typedef struct {
	Display *d;
	Window root;
	XImage *img;
	XShmSegmentInfo shm;
	int w, h;
} grab;

static grab *grab_open(void) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return NULL;
	int ev, err, maj, min;
	if (!XShmQueryExtension(d) || !XTestQueryExtension(d, &ev, &err, &maj, &min)) { XCloseDisplay(d); return NULL; }
	grab *g = calloc(1, sizeof *g);
	int s = DefaultScreen(d);
	g->d = d;
	g->root = RootWindow(d, s);
	g->w = DisplayWidth(d, s);
	g->h = DisplayHeight(d, s);
	g->img = XShmCreateImage(d, DefaultVisual(d, s), DefaultDepth(d, s), ZPixmap, NULL, &g->shm, g->w, g->h);
	if (!g->img || g->img->bits_per_pixel != 32) { XCloseDisplay(d); free(g); return NULL; }
	g->shm.shmid = shmget(IPC_PRIVATE, g->img->bytes_per_line * g->h, IPC_CREAT | 0600);
	g->shm.shmaddr = g->img->data = shmat(g->shm.shmid, NULL, 0);
	g->shm.readOnly = False;
	XShmAttach(d, &g->shm);
	XSync(d, False);
	shmctl(g->shm.shmid, IPC_RMID, NULL); // freed when both sides detach
	return g;
}

static int grab_snap(grab *g) { return XShmGetImage(g->d, g->root, g->img, 0, 0, AllPlanes); }
static int grab_stride(grab *g) { return g->img->bytes_per_line; }

static void grab_tap(grab *g, int x, int y) {
	XTestFakeMotionEvent(g->d, -1, x, y, CurrentTime);
	XSync(g->d, False);
	XTestFakeButtonEvent(g->d, 1, True, CurrentTime);
	XSync(g->d, False);
	XTestFakeButtonEvent(g->d, 1, False, CurrentTime);
	XSync(g->d, False);
}

static void grab_close(grab *g) {
	XShmDetach(g->d, &g->shm);
	shmdt(g->shm.shmaddr);
	XCloseDisplay(g->d);
	free(g);
}
*/
import "C"

import (
	"errors"
	"unsafe"
)

// screen is the X display: a shared-memory image of the root window and an XTest finger.
type screen struct {
	g      *C.grab
	W, H   int
	Stride int
	pix    []byte // the shared image, rewritten by every snap
}

func openScreen() (*screen, error) {
	g := C.grab_open()
	if g == nil {
		return nil, errors.New("cannot open $DISPLAY with MIT-SHM and XTest (32-bit visual)")
	}
	s := &screen{g: g, W: int(g.w), H: int(g.h), Stride: int(C.grab_stride(g))}
	s.pix = unsafe.Slice((*byte)(unsafe.Pointer(g.img.data)), s.Stride*s.H)
	return s, nil
}

// snap copies the whole root window (what is on screen) into s.pix.
func (s *screen) snap() error {
	if C.grab_snap(s.g) == 0 {
		return errors.New("XShmGetImage failed")
	}
	return nil
}

// tap is a left-button press and release at (x, y).
func (s *screen) tap(x, y int) { C.grab_tap(s.g, C.int(x), C.int(y)) }

func (s *screen) close() { C.grab_close(s.g) }
