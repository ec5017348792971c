package dev.waotp;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * The one Kaleyra endpoint we call. Bodies stay raw here: the client writes the payload itself and
 * reads every answer, success or error, with the same code, so a body that is not JSON is reported
 * with its HTTP status instead of as a converter failure.
 */
interface KaleyraService {
    @POST("v2/{sid}/whatsapp/{number}/messages")
    Call<ResponseBody> send(
            @Path("sid") String sid,
            @Path("number") String businessNumber,
            @Header("api-key") String apiKey,
            @Body RequestBody payload);
}
