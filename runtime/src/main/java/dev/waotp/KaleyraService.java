package dev.waotp;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * The Kaleyra endpoints we call, {@code POST /v2/<sid>/whatsapp/<number>/messages} and, for SMS,
 * {@code POST /v1/<sid>/messages}: one method, since both take a body and the {@code api-key} header.
 * The path is built once per client rather than from path parameters on every send, since sid and
 * number never change; it is relative to the base URL, which Retrofit then need not parse again. Bodies stay raw: the client writes the payload itself and reads every answer, success or
 * error, with the same code, so a body that is not JSON is reported with its HTTP status instead of as
 * a converter failure.
 */
interface KaleyraService {
    // Streaming: the answer is read once, by ResponseReader, instead of buffered by Retrofit first.
    @POST
    @Streaming
    Call<ResponseBody> send(@Url String path, @Header("api-key") String apiKey, @Body RequestBody payload);
}
