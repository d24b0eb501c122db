package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"aimsbench/assessment"
)

// BenchmarkMerge merges two copies of the large demo (laptop B made from laptop A's bundle)
// after each laptop judged 20 items of its own and both changed the same 5 findings: plan
// works the merge out, as --dry-run does; merge also applies it in one transaction, each
// iteration on fresh copies.
func BenchmarkMerge(b *testing.B) {
	setup := func(b *testing.B) (a, bl laptop) {
		b.StopTimer()
		defer b.StartTimer()
		sa, cat, ida := benchStore(b, 1)
		sb, err := Open(filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { sb.Close() })
		t := &testing.T{}
		a, bl = laptop{t, sa, ida}, laptop{t, sb, ""}
		in := a.bundle()
		if bl.id, err = sb.Import(in.Theirs, in.Origin); err != nil {
			b.Fatal(err)
		}
		items := cat.Assessable()
		for i, item := range items[:45] {
			for _, l := range []laptop{a, bl} {
				if (i < 20 && l.s == sb) || (i >= 20 && i < 40 && l.s == sa) {
					continue
				}
				note := fmt.Sprintf("finding %d on %p", i, l.s)
				if _, err := l.s.SaveJudgement(l.id, item, assessment.Judgement{Finding: &note}); err != nil {
					b.Fatal(err)
				}
			}
		}
		return a, bl
	}
	b.Run("plan", func(b *testing.B) {
		a, bl := setup(b)
		in := bl.bundle()
		for b.Loop() {
			plan, err := a.s.PlanMerge(a.id, in)
			if err != nil || len(plan.Conflicts) != 5 {
				b.Fatalf("%v, %d conflicts", err, len(plan.Conflicts))
			}
		}
	})
	b.Run("merge", func(b *testing.B) {
		for range b.N {
			a, bl := setup(b)
			in := bl.bundle()
			settle := map[string]assessment.Side{}
			plan, err := a.s.PlanMerge(a.id, in)
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range plan.Conflicts {
				settle[c.Ref] = assessment.Theirs
			}
			if _, err := a.s.Merge(catalogue(&testing.T{}), a.id, in, settle); err != nil {
				b.Fatal(err)
			}
		}
	})
}
