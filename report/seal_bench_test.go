package report

import (
	"bytes"
	"testing"

	"aimsbench/assessment"
)

// BenchmarkSeal seals the large demo's bundle (every part hashed, the manifest signed, the
// bundle encoded) and checks it again as verify-bundle does.
func BenchmarkSeal(b *testing.B) {
	a := demo(b, assessment.DemoLarge)
	a.ID = "3f9c2a1b"
	key, _, err := LoadOrCreateKey(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	opts := BundleOptions{Origin: &assessment.Origin{Lineage: a.ID, Exported: assessment.Handover{From: a.ID}}, Key: key, SealedAt: sealDay, SealedBy: "ana"}
	var sealed []byte
	b.Run("seal", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := EncodeBundleWith(&buf, a, opts); err != nil {
				b.Fatal(err)
			}
			sealed = buf.Bytes()
		}
		b.ReportMetric(float64(len(sealed))/1e6, "MB")
	})
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			if c, err := VerifySeal(sealed, key.Fingerprint()); err != nil || !c.Intact {
				b.Fatalf("%v %+v", err, c)
			}
		}
	})
}
