// Starts the Kaleyra stub the build under test fetches from, on the port the outer build reserved
// (stubPort) and with the credentials the invoker puts in that build's environment (see ../../../pom.xml).
// The account: the templates of stub-templates.txt, in that (unsorted) order, two a page, so the goal
// must follow the paging across three pages. verify.groovy stops it.
import dev.waotp.testing.KaleyraStub

def builder = KaleyraStub.builder()
        .sid('HXIT0000000001IN')
        .apiKey('it-api-key-never-printed')
        .wabaId('200000000000002')
        .port(Integer.parseInt(stubPort))
        .templatePageSize(2)
new File(basedir, 'stub-templates.txt').eachLine { line ->
    if (line.trim()) {
        builder.template(line)
    }
}
context.put('stub', builder.start())
true
