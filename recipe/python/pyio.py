# io.StringIO (and six.StringIO) as conid's interpreter runs them: an
# in-memory text stream, which recipes hand to self.run() to read a
# command's output. Python's semantics: a stream starts at position 0,
# writes overwrite from the position, getvalue() is the whole text.


class StringIO(object):
    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not " + type(initial_value).__name__)
        self._value = initial_value
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '" + type(s).__name__ + "'")
        v = self._value
        if self._pos > len(v):
            v = v + "\0" * (self._pos - len(v))
        self._value = v[:self._pos] + s + v[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._value

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._value)
        else:
            end = min(self._pos + size, len(self._value))
        out = self._value[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def readline(self):
        self._check()
        i = self._value.find("\n", self._pos)
        end = len(self._value) if i < 0 else i + 1
        out = self._value[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def readlines(self):
        out = []
        line = self.readline()
        while line:
            out.append(line)
            line = self.readline()
        return out

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            self._pos = pos
        elif whence == 2:
            self._pos = len(self._value)
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._value = self._value[:size]
        return size

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return iter(self.readlines())
