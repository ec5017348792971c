// The manifest the goal wrote is exactly expected-templates.json (written by hand from
// stub-templates.txt: sorted by name then language, keys sorted, two-space indent, final newline),
// the second run of the goal found those same bytes, both runs crossed all three pages, and the API
// key was printed nowhere.
import java.util.Arrays

def stub = context.get('stub')
try {
    byte[] expected = new File(basedir, 'expected-templates.json').bytes
    byte[] written = new File(basedir, 'src/main/waotp/templates.json').bytes
    assert Arrays.equals(written, expected) : "the manifest differs from expected-templates.json:\n" + new String(written, 'UTF-8')

    def log = new File(basedir, 'build.log').text
    assert log.contains('Wrote 5 templates of WABA 200000000000002') : 'the first run should write the manifest'
    assert log.contains('5 templates of WABA 200000000000002 at http://127.0.0.1:') && log.contains(', unchanged in ') :
            'the second run should find the same bytes'
    assert stub.requestCount() == 6 : "two runs of three pages each, but the stub answered ${stub.requestCount()} requests"
    assert !log.contains('it-api-key-never-printed') : 'the API key was printed'
} finally {
    stub?.close()
}
true
