# Regenerates ../unicode_tables.go from the Python that runs Conan 1.65:
#   /usr/bin/python3 testdata/gen_unicode_tables.py > unicode_tables.go && gofmt -w unicode_tables.go
import sys
import unicodedata


def ranges(cs):
    out = []
    for c in cs:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def emit(name, doc, rs):
    print("// %s" % doc)
    print("var %s = [...][2]rune{" % name)
    for a, b in rs:
        print("\t{0x%04X, 0x%04X}," % (a, b))
    print("}")
    print()


dec = ranges([c for c in range(0x110000) if chr(c).isdecimal()])
dig = ranges([c for c in range(0x110000) if chr(c).isdigit() and not chr(c).isdecimal()])
ws = ranges([c for c in range(0x110000) if chr(c).isspace()])
print("// Code generated from CPython %s (Unicode %s); DO NOT EDIT." % (sys.version.split()[0], unicodedata.unidata_version))
print("// Regenerate with testdata/gen_unicode_tables.py.")
print()
print("package version")
print()
emit("pyDecimalRanges", "pyDecimalRanges lists the characters for which Python's str.isdecimal() is\n// true (re's \\d, and the digits int() accepts). Every range starts at a digit\n// zero and holds whole runs of 0..9.", dec)
emit("pyDigitOnlyRanges", "pyDigitOnlyRanges lists the characters for which str.isdigit() is true but\n// str.isdecimal() is false (superscripts, circled digits, ...): int() rejects\n// them.", dig)
emit("pySpaceRanges", "pySpaceRanges lists the characters for which str.isspace() is true; they are\n// also what re's \\s matches and what str.strip() removes.", ws)
