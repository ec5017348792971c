// The consumer's tests ran in its build (a failure there fails the invoker run before this script).
// This checks what they cannot see, from the compiler's debug lines in build.log: which artifacts the
// class paths hold (an Okio root jar carries no classes, so a class scan misses a second Okio), and
// the processor path.
def log = new File(basedir, 'build.log').text
def jarsOf = { String path -> path.split(File.pathSeparator).findAll { it.endsWith('.jar') }.collect { new File(it).name }.sort() }

def classPaths = (log =~ /-classpath (\S+)/).collect { jarsOf(it[1]) }
assert classPaths.size() == 2 : "expected the compile and test-compile class paths in build.log, found ${classPaths.size()}"
classPaths.each { jars ->
    ['okhttp', 'okio', 'kotlin-stdlib', 'retrofit'].each { name ->
        def copies = jars.findAll { it.startsWith(name + '-') }
        assert copies.size() == 1 : "one ${name} artifact expected on the class path, found ${copies}"
    }
    // Jackson 3 (tools.jackson) only; Jackson 2's core and databind jars are jackson-core-2.* and jackson-databind-2.*.
    def jackson2 = jars.findAll { it ==~ /jackson-(core|databind)-2\..*/ }
    assert jackson2.isEmpty() : "Jackson 2 on the class path: ${jackson2}"
}

def processorPaths = (log =~ /-processorpath (\S+)/).collect { jarsOf(it[1]) }
assert processorPaths.size() == 2 : "expected the compile and test-compile processor paths, found ${processorPaths.size()}"
processorPaths.each { jars ->
    // Jackson 3's jackson-core reads the template manifest (-Awaotp.templates); see the processor's pom.
    assert jars.size() == 3 && jars[0].startsWith('jackson-core-3.') && jars[1].startsWith('javapoet-')
            && jars[2].startsWith('waotp-processor-') :
            "the processor path should hold waotp-processor, JavaPoet and jackson-core 3 only, but holds ${jars}"
}
true
